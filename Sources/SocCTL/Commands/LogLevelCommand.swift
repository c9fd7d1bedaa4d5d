import JSONRPC
import SocProtocol

/// `socctl log-level [LEVEL]`: shows the daemon's log level, or changes it.
enum LogLevelCommand {
    static let levels = LogLevel.allCases.map(\.rawValue)

    static let spec = CommandSpec(
        name: "log-level", abstract: "Show the daemon's log level, or set it.",
        discussion: "Setting it calls system.setLogLevel, which needs the rights to change state and is audited.",
        arguments: [
            .optional(
                "LEVEL", help: "The new level: \(levels.joined(separator: ", ")).", completion: .words(levels))
        ]
    ) { parsed, context in
        let session = DaemonSession(parsed, context)
        guard let name = parsed.argument("LEVEL") else {
            let level = try session.connect().call(StatusRequest.self, RPCNoParams()).logLevel
            if session.wantsJSON {
                session.printCompact(JSONValue.object(["level": .string(level.rawValue)]))
            } else {
                context.standardOutput.writeLine(level.rawValue)
            }
            return .success
        }
        guard let level = LogLevel(rawValue: name.lowercased()) else {
            throw UsageError.invalidValue(
                name, for: "LEVEL", expected: "one of \(levels.joined(separator: ", "))", commandPath: parsed.path)
        }
        let change = try session.connect().call(SetLogLevelRequest.self, .init(level: level))
        if session.wantsJSON {
            session.printCompact(change)
        } else if change.previous == change.level {
            context.standardOutput.writeLine("log level is \(change.level.rawValue) (unchanged)")
        } else {
            context.standardOutput.writeLine(
                "log level changed from \(change.previous.rawValue) to \(change.level.rawValue)")
        }
        return .success
    }
}
