import JSONRPC
import SocPOSIX
import SocProtocol
import SocSim

extension LogRecord {
    /// The record as `logs.tail` returns it: its ECS fields as JSON, `@timestamp` in ISO 8601,
    /// and its native line once (`message` and `line` are the same text).
    var entry: LogEntry {
        let line = nativeLine
        var ecs: [String: JSONValue] = [:]
        for (field, value) in fields {
            switch field {
            case .timestamp: ecs[field.rawValue] = .string(ISO8601.format(milliseconds: timestampMilliseconds))
            case .message: ecs[field.rawValue] = .string(line)
            default: ecs[field.rawValue] = value.json
            }
        }
        return LogEntry(tick: Int(tick), ecs: ecs, line: line)
    }
}

extension LogFieldValue {
    var json: JSONValue {
        switch self {
        case .string(let text): .string(text)
        case .integer(let number): .int(Int(number))
        case .address, .mac: .string(description)
        }
    }
}
