import SocProtocol

/// The options and values the rules commands share: one declaration per rule field, so that
/// `add`, `update` and `rm` describe and complete a field the same way.
enum RulesOptions {
    static let actions = ["ACCEPT", "DROP", "REJECT"]
    static let protocols = ["any", "tcp", "udp", "icmp"]
    static let formats = RuleFormat.allCases.map(\.rawValue)

    static let src = OptionSpec.option("src", valueName: "ADDRESS", help: "Source: ANY, an IPv4 address or a CIDR.")
    static let dst = OptionSpec.option(
        "dst", valueName: "ADDRESS", help: "Destination: ANY, an IPv4 address or a CIDR.")
    static let sport = OptionSpec.option(
        "sport", valueName: "PORT", help: "Source port: ANY, a port, or a range such as 1000-2000.")
    static let dport = OptionSpec.option(
        "dport", valueName: "PORT", help: "Destination port: ANY, a port, or a range such as 1000-2000.")
    static let proto = OptionSpec.option(
        "proto", valueName: "PROTO", help: "Protocol: any, tcp, udp or icmp.", completion: .words(protocols))
    static let action = OptionSpec.option(
        "action", valueName: "ACTION", help: "What to do with a matching packet: ACCEPT (or PASS), DROP or REJECT.",
        completion: .words(actions))
    static let comment = OptionSpec.option("comment", valueName: "TEXT", help: "Why the rule exists.")
    static let ttl = OptionSpec.option(
        "ttl", valueName: "DURATION", help: "Remove the rule after this long: seconds, or 30m, 4h, 1d, 1h30m.")

    /// The fields the room's table has, in its order, as option names; the positional
    /// arguments of `rules add` are these names in upper case.
    static let tableFields = ["src", "dst", "sport", "dport", "action"]

    /// A port or a duration as typed: a number when it is all digits, else the text, so that
    /// the daemon's one parser judges `70000`, `"1000-2000"` and `"http"` alike.
    static func scalar(_ text: String) -> ScalarInput {
        if !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let number = Int(text)
        {
            return .number(number)
        }
        return .text(text)
    }

    /// The value of `--NAME`, converted with `scalar(_:)`.
    static func scalar(_ parsed: ParsedCommand, _ name: String) -> ScalarInput? {
        parsed.string(name).map(scalar)
    }

    /// A rule id given as an argument: a positive integer, or a usage error naming `subject`.
    static func id(_ text: String, subject: String, parsed: ParsedCommand) throws(UsageError) -> Int {
        guard let id = Int(text), id > 0 else {
            throw .invalidValue(
                text, for: subject, expected: "a rule id (a positive integer)", commandPath: parsed.path)
        }
        return id
    }

    /// `--format`, or the `nil` it defaults to, checked against the formats socd knows.
    static func format(_ parsed: ParsedCommand) throws(UsageError) -> RuleFormat? {
        try parsed.value("format", expected: "one of \(formats.joined(separator: ", "))") {
            RuleFormat(rawValue: $0.lowercased())
        }
    }
}
