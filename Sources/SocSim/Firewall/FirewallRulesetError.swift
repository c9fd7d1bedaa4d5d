/// A change to a `FirewallRuleset` that cannot be made; the set is left as it was.
package struct FirewallRulesetError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Kind: Sendable, Hashable {
        case duplicateID
        case unknownID
        case positionOutOfRange
        case invalidRule
    }

    package var kind: Kind
    package var message: String

    package var description: String { message }

    package static func duplicateID(_ id: Int64) -> FirewallRulesetError {
        FirewallRulesetError(kind: .duplicateID, message: "a rule with id \(id) already exists")
    }

    package static func unknownID(_ id: Int64) -> FirewallRulesetError {
        FirewallRulesetError(kind: .unknownID, message: "no rule has id \(id)")
    }

    package static func invalidRule(_ id: Int64, _ error: RuleFieldError) -> FirewallRulesetError {
        FirewallRulesetError(kind: .invalidRule, message: "rule \(id): \(error)")
    }

    package static func positionOutOfRange(_ position: Int, valid: ClosedRange<Int>) -> FirewallRulesetError {
        let range =
            valid.lowerBound == valid.upperBound ? "\(valid.lowerBound)" : "\(valid.lowerBound)-\(valid.upperBound)"
        return FirewallRulesetError(
            kind: .positionOutOfRange, message: "position \(position) is outside \(range)")
    }
}
