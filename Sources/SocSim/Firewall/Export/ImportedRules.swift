/// What an nft or iptables-restore import produced: the rules in file order, each with the line
/// it came from, and the chain policy if the file set one.
package struct ImportedRules: Sendable, Hashable {
    package struct Rule: Sendable, Hashable {
        package var line: Int
        package var spec: RuleSpec

        package init(line: Int, spec: RuleSpec) {
            self.line = line
            self.spec = spec
        }
    }

    package var defaultPolicy: RuleAction?
    package var rules: [Rule]

    package init(defaultPolicy: RuleAction? = nil, rules: [Rule] = []) {
        self.defaultPolicy = defaultPolicy
        self.rules = rules
    }

    package var specs: [RuleSpec] { rules.map(\.spec) }
}
