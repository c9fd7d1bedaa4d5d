import SocPOSIX
import SocProtocol

/// The `socctl` program: its command tree and its entry point.
package enum Socctl {
    /// `socctl --version`: the client's own release and build revision; `socctl version` asks
    /// the daemon for its.
    package static let version = "\(SocdVersion.release) (revision \(BuildInfo.revision))"

    package static let root = CommandSpec(
        name: "socctl", abstract: "Operate socd, the security operations daemon.",
        discussion: """
            socctl talks to socd over its Unix socket in JSON-RPC. Every command accepts --json \
            for output a script can read.

            Exit status: 0 success, 1 the daemon answered with an error, 64 usage error, 69 the \
            daemon is unreachable, 70 internal error, 75 no reply within --timeout.
            """,
        examples: [
            UsageExample("Check that the daemon answers:", "socctl ping"),
            UsageExample("Call any method:", "socctl call system.setLogLevel '{\"level\":\"debug\"}'"),
        ],
        globalOptions: [SocctlOptions.socket, SocctlOptions.json, SocctlOptions.timeout],
        subcommands: [
            PingCommand.spec, StatusCommand.spec, VersionCommand.spec, CallCommand.spec, EventsCommand.spec,
            LogLevelCommand.spec, AuditCommand.spec, RulesCommand.spec, TopologyCommand.spec, TrafficCommand.spec,
            SimCommand.spec, ScenarioCommand.spec, LogsCommand.spec, WatchCommand.spec, AlertsCommand.spec,
            IncidentsCommand.spec, HuntCommand.spec, IntelCommand.spec, DetectionsCommand.spec, ReportCommand.spec,
            CommandSpec.completionsCommand(),
        ],
        version: version)

    /// Runs socctl with this process's arguments and returns the status to exit with.
    package static func main() -> Int32 {
        CommandLineTool.main(root: root, arguments: Array(CommandLine.arguments.dropFirst())).rawValue
    }
}
