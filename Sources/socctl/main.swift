import SocCTL
