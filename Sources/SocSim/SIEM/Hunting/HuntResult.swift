/// What a hunt found.
package struct HuntResult: Sendable {
    /// One distinct combination of the grouped fields' values (nil where an event lacks the field).
    package struct Group: Sendable, Hashable, Codable {
        package var values: [String?]
        package var count: Int
    }

    /// Events in the searched range (after the tick and source narrowing).
    package var scanned: Int
    package var matched: Int
    /// Without groupBy: the events returned, at most `limit`.
    package var events: [SecurityEvent]
    /// With groupBy: the groups returned (top `limit`), and how many distinct ones there were.
    package var groups: [Group]
    package var distinctGroups: Int
}
