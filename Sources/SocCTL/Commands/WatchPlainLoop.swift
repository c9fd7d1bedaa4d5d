import Glibc
import JSONRPC
import SocPOSIX
import SocProtocol

/// `socctl watch` into a pipe or a file: a status line a second until a signal ends it.
struct WatchPlainLoop {
    static let intervalMilliseconds: Int32 = 1_000

    let session: DaemonSession

    func run() throws -> ExitStatus {
        let signals = try SignalFD(signals: WatchCommand.stopSignals)
        defer {
            try? signals.close()
            try? Signals.unblock(WatchCommand.stopSignals)
        }
        let client = try session.connect()
        let output = session.context.standardOutput
        while true {
            let sim = try client.call(SimStatusRequest.self, RPCNoParams())
            let scenario = try client.call(ScenarioStatusRequest.self, RPCNoParams())
            if session.wantsJSON {
                session.printCompact(
                    JSONValue.object([
                        "sim": try JSONValueEncoder().encode(sim), "scenario": try JSONValueEncoder().encode(scenario),
                    ]))
            } else {
                output.writeLine(WatchStatusLine.format(sim: sim, scenario: scenario))
            }
            output.flush()
            // Nobody reads any more (the pipe's reader left): stop; CommandLineTool reports it.
            if output.writeError != nil { return .success }
            var watched = pollfd(fd: signals.fileDescriptor.rawValue, events: Int16(POLLIN), revents: 0)
            if Glibc.poll(&watched, 1, Self.intervalMilliseconds) > 0, try signals.read() != nil { return .success }
        }
    }
}
