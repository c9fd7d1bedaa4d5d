import JSONRPC
import SocPOSIX
import SocProtocol

/// Prints log records for `socctl logs tail`, and follows a source by asking for what is newer.
struct LogsPrinter {
    /// How often `--follow` asks; socd has no log topic, and twice a second reads as live.
    static let pollMilliseconds: Int32 = 500

    let session: DaemonSession
    let ecs: Bool

    func print(_ record: LogEntry) {
        let output = session.context.standardOutput
        if ecs {
            output.writeLine(JSONValue.object(record.ecs).serializedString)
        } else if session.wantsJSON {
            session.printCompact(record)
        } else {
            output.writeLine(record.line)
        }
    }

    /// The newest `limit` records, then every newer one as it is written, until a signal.
    func follow(source: LogSourceName, limit: Int?) throws -> ExitStatus {
        let signals = try SignalFD(signals: EventsCommand.stopSignals)
        defer {
            try? signals.close()
            try? Signals.unblock(EventsCommand.stopSignals)
        }
        let client = try session.connect()
        var reply = try client.call(LogsTailRequest.self, .init(source: source, limit: limit))
        while true {
            for record in reply.records { print(record) }
            session.context.standardOutput.flush()
            let ready =
                (try? signals.fileDescriptor.waitUntilReadable(timeoutMilliseconds: Self.pollMilliseconds)) == true
            if ready, try signals.read() != nil { return .success }
            reply = try client.call(
                LogsTailRequest.self,
                .init(source: source, limit: LogsTailRequest.maximumLimit, sinceTick: reply.nextSinceTick))
        }
    }
}
