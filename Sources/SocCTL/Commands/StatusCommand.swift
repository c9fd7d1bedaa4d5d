import JSONRPC
import SocProtocol

/// `socctl status`: how the daemon is doing, as a block of labelled lines.
enum StatusCommand {
    static let spec = CommandSpec(
        name: "status", abstract: "Show the daemon's process, listener, connections and log level."
    ) { parsed, context in
        let session = DaemonSession(parsed, context)
        let status = try session.connect().call(StatusRequest.self, RPCNoParams())
        if session.wantsJSON {
            session.printCompact(status)
        } else {
            context.standardOutput.write(render(status, style: context.style))
        }
        return .success
    }

    static func render(_ status: StatusRequest.Result, style: Style) -> String {
        let uptime = HumanFormat.duration(.milliseconds(Int64((status.uptimeSeconds * 1000).rounded())))
        var rows: [[String]] = [
            ["pid", String(status.pid)],
            ["uptime", "\(uptime) (since \(status.startedAt))"],
            ["listener", status.listener == "activated" ? "activated by systemd" : status.listener],
            ["socket", status.socketPath],
            ["state dir", status.stateDirectory],
            ["connections", "\(status.connections) open, \(status.connectionsTotal) since start"],
            ["requests", String(status.requestsTotal)],
            ["subscriptions", String(status.subscriptions)],
            ["log level", status.logLevel.rawValue],
            ["RSS", HumanFormat.bytes(Int64(status.residentBytes))],
        ]
        if let idle = status.exitIdleSeconds {
            rows.append(["exit idle", "after " + HumanFormat.duration(.milliseconds(Int64((idle * 1000).rounded())))])
        }
        let labelled = rows.map { [style.bold($0[0]), $0[1]] }
        return TableRenderer(columns: [TableColumn("label"), TableColumn("value")], showsHeader: false)
            .render(labelled, width: nil)
    }
}
