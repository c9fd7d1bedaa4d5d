/// The rule set as an `nft -f` script: table `inet socd`, one `forward` chain whose policy is
/// the default policy, one rule per socd rule in position order, each with a counter.
///
/// The script replaces only socd's own table (`table` then `delete table` makes the delete
/// safe when the table does not exist yet); it never flushes the host's other rules. nft has
/// no per-rule expiry, so `expiresAt` is not exported.
package enum NftablesScript {
    /// nft keeps at most 128 bytes of comment.
    static let maximumCommentBytes = 128

    /// - Parameter rules: in evaluation order.
    package static func render(_ rules: [FirewallRule], defaultPolicy: RuleAction) -> String {
        var script = """
            #!/usr/sbin/nft -f
            # socd firewall: \(rules.count) rule\(rules.count == 1 ? "" : "s"), default policy \(defaultPolicy)
            table inet socd
            delete table inet socd
            table inet socd {
            \tchain forward {
            \t\ttype filter hook forward priority filter; policy \(verdict(defaultPolicy));

            """
        for rule in rules {
            script += "\t\t" + statement(for: rule) + "\n"
        }
        script += "\t}\n}\n"
        return script
    }

    /// One rule line without indentation, e.g. `ip saddr 198.51.100.7 tcp dport 80 counter drop`.
    package static func statement(for rule: FirewallRule) -> String {
        var words: [String] = []
        if rule.source != .any { words.append("ip saddr \(rule.source)") }
        if rule.destination != .any { words.append("ip daddr \(rule.destination)") }
        if rule.source == .any && rule.destination == .any {
            // An inet table sees IPv6 too; socd's rules are about IPv4 only.
            words.append("meta nfproto ipv4")
        }
        let hasPorts = rule.sourcePort != .any || rule.destinationPort != .any
        let portPrefix: String
        switch rule.proto {
        case .any:
            // `th` (transport header) ports need the protocol pinned to ones that have ports.
            if hasPorts { words.append("meta l4proto { tcp, udp }") }
            portPrefix = "th"
        case .tcp, .udp:
            if !hasPorts { words.append("meta l4proto \(rule.proto)") }
            portPrefix = rule.proto.rawValue
        case .icmp:
            words.append("meta l4proto icmp")
            portPrefix = ""
        }
        if rule.sourcePort != .any { words.append("\(portPrefix) sport \(rule.sourcePort)") }
        if rule.destinationPort != .any { words.append("\(portPrefix) dport \(rule.destinationPort)") }
        words.append("counter")
        words.append(verdict(rule.action))
        let comment = RuleCommentSanitizer.sanitized(
            rule.comment, maximumBytes: maximumCommentBytes, replacingQuotes: true)
        if !comment.isEmpty { words.append("comment \"\(comment)\"") }
        return words.joined(separator: " ")
    }

    static func verdict(_ action: RuleAction) -> String {
        switch action {
        case .accept: "accept"
        case .drop: "drop"
        case .reject: "reject"
        }
    }
}
