import Glibc
import SocDaemon

exit(DaemonMain.run(arguments: Array(CommandLine.arguments.dropFirst())))
