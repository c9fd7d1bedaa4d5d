import Glibc
import SocCTL

exit(Socctl.main())
