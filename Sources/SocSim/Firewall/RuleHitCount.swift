/// A rule's hit counter as of the moment it was read, for persisting counters in batches.
package struct RuleHitCount: Sendable, Hashable {
    package var id: Int64
    package var hits: UInt64

    package init(id: Int64, hits: UInt64) {
        self.id = id
        self.hits = hits
    }
}
