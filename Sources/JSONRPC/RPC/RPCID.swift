/// A JSON-RPC request id: a string, a number or null, echoed back exactly as it came.
package enum RPCID: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case int(Int)
    case double(Double)
    case null

    /// Reads an id from the value of a message's `"id"` member; nil when that value is not a
    /// string, number or null (the request is then invalid).
    package init?(_ value: JSONValue) {
        switch value {
        case .string(let s): self = .string(s)
        case .int(let i): self = .int(i)
        case .double(let d): self = .double(d)
        case .null: self = .null
        default: return nil
        }
    }

    package var json: JSONValue {
        switch self {
        case .string(let s): .string(s)
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        case .null: .null
        }
    }

    package var description: String { json.description }
}
