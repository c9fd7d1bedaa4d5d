import JSONRPC
import SocPOSIX
import SocProtocol

/// `socctl version`: the versions of this client and of the daemon it reaches.
enum VersionCommand {
    static let spec = CommandSpec(
        name: "version", abstract: "Show the versions of socctl and of the daemon (socd, protocol, SQLite).",
        discussion: "With --json, prints the daemon's system.version result."
    ) { parsed, context in
        let session = DaemonSession(parsed, context)
        let clientLine = ["socctl", Socctl.version]
        if session.wantsJSON {
            session.printCompact(try session.connect().call(VersionRequest.self, RPCNoParams()))
            return .success
        }
        let daemon: VersionRequest.Result
        do {
            daemon = try session.connect().call(VersionRequest.self, RPCNoParams())
        } catch {
            // The client's own version is worth showing even when the daemon is not there.
            context.standardOutput.write(render([clientLine], style: context.style))
            throw error
        }
        let rows = [
            clientLine,
            ["socd", "\(daemon.socd) (revision \(daemon.revision))"],
            ["protocol", daemon.protocol],
            ["sqlite", daemon.sqlite],
        ]
        context.standardOutput.write(render(rows, style: context.style))
        return .success
    }

    private static func render(_ rows: [[String]], style: Style) -> String {
        TableRenderer(columns: [TableColumn("name"), TableColumn("version")], showsHeader: false)
            .render(rows.map { [style.bold($0[0]), $0[1]] }, width: nil)
    }
}
