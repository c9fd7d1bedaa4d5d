/// The rule set in `iptables-restore` format: the `filter` table's `FORWARD` chain with the
/// default policy, one `-A FORWARD` line per rule in position order (two for `proto any` with
/// ports, since iptables matches ports only under `-p tcp` or `-p udp`). Addresses are written
/// as iptables-save writes them (`/32` included), port ranges as `lo:hi`.
package enum IptablesRestoreScript {
    /// The comment match keeps at most 256 bytes.
    static let maximumCommentBytes = 256

    /// - Parameter rules: in evaluation order.
    package static func render(_ rules: [FirewallRule], defaultPolicy: RuleAction) -> String {
        var script = """
            # socd firewall: \(rules.count) rule\(rules.count == 1 ? "" : "s"), default policy \(defaultPolicy)
            *filter
            :FORWARD \(defaultPolicy == .accept ? "ACCEPT" : "DROP") [0:0]

            """
        for rule in rules {
            for line in lines(for: rule) { script += line + "\n" }
        }
        script += "COMMIT\n"
        return script
    }

    /// The `-A FORWARD ...` lines for one rule.
    package static func lines(for rule: FirewallRule) -> [String] {
        let hasPorts = rule.sourcePort != .any || rule.destinationPort != .any
        let protocols: [String?] =
            switch rule.proto {
            case .any: hasPorts ? ["tcp", "udp"] : [nil]
            case .tcp, .udp, .icmp: [rule.proto.rawValue]
            }
        return protocols.map { proto in
            var words = ["-A", "FORWARD"]
            if case .network(let cidr) = rule.source { words += ["-s", cidr.description] }
            if case .network(let cidr) = rule.destination { words += ["-d", cidr.description] }
            if let proto {
                words += ["-p", proto]
                if hasPorts { words += ["-m", proto] }
            }
            if case .range(let low, let high) = rule.sourcePort { words += ["--sport", portText(low, high)] }
            if case .range(let low, let high) = rule.destinationPort { words += ["--dport", portText(low, high)] }
            let comment = RuleCommentSanitizer.sanitized(
                rule.comment, maximumBytes: maximumCommentBytes, replacingQuotes: false)
            if !comment.isEmpty { words += ["-m", "comment", "--comment", quoted(comment)] }
            words += ["-j", rule.action.rawValue]
            return words.joined(separator: " ")
        }
    }

    private static func portText(_ low: UInt16, _ high: UInt16) -> String {
        low == high ? "\(low)" : "\(low):\(high)"
    }

    /// Double quotes with backslash escapes, which iptables-restore's parser undoes.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }
}
