@testable import SocSim

/// The real firewall (`FirewallRuleset`, its rule validation and compiled matcher) as the
/// simulation's packet filter, with rules added from the fields a learner types.
struct RulesetPacketFilter: PacketFilter {
    private(set) var ruleset = FirewallRuleset()
    private var nextID: Int64 = 1

    /// Appends the rule `src dst sport dport action` (`ANY` for any); the fields go through the
    /// same validation as `rules.add`.
    mutating func add(
        _ src: String, _ dst: String, _ sport: String, _ dport: String, _ action: String = "DROP",
        proto: String? = nil
    ) throws {
        func field(_ text: String) -> String? { text == "ANY" ? nil : text }
        let spec = RuleSpec(
            src: field(src), dst: field(dst), sport: field(sport).map { .text($0) },
            dport: field(dport).map { .text($0) }, proto: proto, action: action)
        let draft = try spec.validated(now: 0)
        try ruleset.insert(FirewallRule(id: nextID, position: 0, draft: draft))
        nextID += 1
    }

    mutating func decide(_ packet: FiveTuple, nowMilliseconds: Int64) -> PacketVerdict {
        PacketVerdict(ruleset.decide(packet, now: nowMilliseconds))
    }
}
