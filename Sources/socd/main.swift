import SocDaemon
