import JSONRPC

/// One retained event a hunt found: its place in the normalized stream, its data source, its
/// ECS fields and its native line.
package struct HuntEventInfo: Codable, Sendable, Hashable {
    package var sequence: Int
    package var tick: Int
    package var source: String
    package var ecs: [String: JSONValue]
    package var line: String

    package init(sequence: Int, tick: Int, source: String, ecs: [String: JSONValue], line: String) {
        self.sequence = sequence
        self.tick = tick
        self.source = source
        self.ecs = ecs
        self.line = line
    }
}

/// One distinct combination of grouped values and how many events had it.
package struct HuntGroupInfo: Codable, Sendable, Hashable {
    /// The grouped fields' values, in `groupBy` order; null where an event lacks the field.
    package var values: [String?]
    package var count: Int

    package init(values: [String?], count: Int) {
        self.values = values
        self.count = count
    }
}

/// A saved hunt.
package struct SavedHuntInfo: Codable, Sendable, Hashable {
    package var name: String
    package var query: String
    package var groupBy: [String]
    package var createdAt: String

    package init(name: String, query: String, groupBy: [String], createdAt: String) {
        self.name = name
        self.query = query
        self.groupBy = groupBy
        self.createdAt = createdAt
    }
}
