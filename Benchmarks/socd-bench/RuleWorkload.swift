import SocSim

/// The rules the rules suite adds, numbered: rule `n` drops TCP and UDP port 80 from one source
/// address towards the web server. Sources count up from 100.64.0.0 (the shared address space of
/// RFC 6598, which the simulated network does not use), so distinct numbers make distinct rules
/// and socd creates each one rather than extending an earlier one.
enum RuleWorkload {
    /// 100.64.0.0/10 holds 4,194,304 addresses: room for the million stored rules and every
    /// other rule of a run.
    static let capacity = 1 << 22
    static let destination = "10.0.0.10"
    /// What a `rules.add` reply must contain.
    static let created = #""outcome":"created""#

    static func sourceAddress(_ number: Int) -> IPv4Address {
        precondition(number >= 0 && number < capacity, "rule number \(number) is outside 100.64.0.0/10")
        return IPv4Address(0x6440_0000 | UInt32(number))
    }

    static func source(_ number: Int) -> String { "\(sourceAddress(number))" }

    /// A `rules.add` request line for rule `number`.
    static func addRequest(id: Int, rule number: Int) -> [UInt8] {
        Array(
            #"{"jsonrpc":"2.0","id":\#(id),"method":"rules.add","params":{"src":"\#(source(number))","dst":"\#(destination)","dport":80,"action":"DROP"}}"#
                .utf8) + [0x0A]
    }

    /// A `rules.addMany` request line for the rules `numbers`, in order.
    static func addManyRequest(rules numbers: Range<Int>) -> [UInt8] {
        var line = Array(#"{"jsonrpc":"2.0","id":1,"method":"rules.addMany","params":{"rules":["#.utf8)
        line.reserveCapacity(line.count + numbers.count * 72 + 8)
        for number in numbers {
            if number != numbers.lowerBound { line.append(UInt8(ascii: ",")) }
            line += #"{"src":"\#(source(number))","dst":"\#(destination)","dport":80,"action":"DROP"}"#.utf8
        }
        line += "]}}\n".utf8
        return line
    }

    /// What an `addMany` reply for `count` new rules must contain.
    static func createdMany(_ count: Int) -> String { #""created":\#(count)"# }

    /// Rule `number` as the store keeps it, for the in-process SQLite baseline.
    static func rule(_ number: Int, createdAt: Int64) -> FirewallRule {
        FirewallRule(
            id: 0, position: 0, source: .host(sourceAddress(number)),
            destination: .host(IPv4Address(10, 0, 0, 10)), destinationPort: .port(80), action: .drop,
            createdAt: createdAt)
    }
}

/// Hands out rule numbers so that no two requests of a run add the same rule.
struct RuleNumbers {
    private var next = 0

    mutating func take(_ count: Int) -> Range<Int> {
        defer { next += count }
        precondition(next + count <= RuleWorkload.capacity, "the run needs more distinct rules than 100.64.0.0/10")
        return next..<(next + count)
    }
}
