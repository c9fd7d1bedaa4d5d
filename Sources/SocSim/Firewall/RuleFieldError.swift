/// A rule field that failed validation: which field, and what was wrong with it, phrased for the
/// person who typed it (`dport: 70000 is outside 0-65535`).
package struct RuleFieldError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The canonical field name: `src`, `dst`, `sport`, `dport`, `proto`, `action`, `comment`, `ttl`.
    package var field: String
    /// What was wrong, starting with the offending input as the user wrote it.
    package var message: String

    package init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    package var description: String { "\(field): \(message)" }

    package static func notAnAddress(_ field: String, _ input: String) -> RuleFieldError {
        RuleFieldError(field: field, message: "\(quoted(input)) is not an IPv4 address or CIDR")
    }

    package static func portOutOfRange(_ field: String, _ input: String) -> RuleFieldError {
        RuleFieldError(field: field, message: "\(input) is outside 0-65535")
    }

    package static func notAPort(_ field: String, _ input: String) -> RuleFieldError {
        RuleFieldError(
            field: field, message: "\(input) is not a port or range (use e.g. 80, \"1000-2000\", \"any\")")
    }

    package static func emptyPortRange(_ field: String, _ input: String) -> RuleFieldError {
        RuleFieldError(field: field, message: "\(input) is an empty range")
    }

    package static func portsWithoutPortProtocol(_ field: String, _ port: PortMatch) -> RuleFieldError {
        RuleFieldError(field: field, message: "\(port) cannot be used with proto icmp, which has no ports")
    }

    package static func unknownAction(_ input: String) -> RuleFieldError {
        RuleFieldError(
            field: "action", message: "\(quoted(input)) is not one of ACCEPT, DROP, REJECT (PASS means ACCEPT)")
    }

    package static func missingAction() -> RuleFieldError {
        RuleFieldError(field: "action", message: "is required (one of ACCEPT, DROP, REJECT)")
    }

    package static func unknownProtocol(_ input: String) -> RuleFieldError {
        RuleFieldError(field: "proto", message: "\(quoted(input)) is not one of any, tcp, udp, icmp")
    }

    package static func notADuration(_ input: String) -> RuleFieldError {
        RuleFieldError(field: "ttl", message: "\(input) is not a duration (use e.g. 90, \"30m\", \"4h\", \"1d\")")
    }

    package static func durationNotPositive(_ input: String) -> RuleFieldError {
        RuleFieldError(field: "ttl", message: "\(input) is not positive")
    }

    package static func durationTooLong(_ input: String, limit: String) -> RuleFieldError {
        RuleFieldError(field: "ttl", message: "\(input) is longer than \(limit)")
    }

    package static func commentTooLong(length: Int, limit: Int) -> RuleFieldError {
        RuleFieldError(field: "comment", message: "is \(length) bytes long, more than the limit of \(limit)")
    }

    package static func commentHasControlCharacters() -> RuleFieldError {
        RuleFieldError(field: "comment", message: "contains control characters (newlines, tabs, ...)")
    }

    /// Renders user input the way JSON would, so that messages show exactly what arrived.
    package static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
