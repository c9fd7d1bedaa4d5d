/// A rule that passed validation but has no id or position yet: what `rules.add` stores.
package struct RuleDraft: Sendable, Hashable {
    package var match: RuleMatchKey
    package var comment: String
    /// Milliseconds since the epoch, from the spec's `ttl`.
    package var expiresAt: Int64?
    /// Milliseconds since the epoch.
    package var createdAt: Int64

    package init(match: RuleMatchKey, comment: String = "", expiresAt: Int64? = nil, createdAt: Int64) {
        self.match = match
        self.comment = comment
        self.expiresAt = expiresAt
        self.createdAt = createdAt
    }
}
