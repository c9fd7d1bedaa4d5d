/// A `logs.query` request: which events (`where`, optionally narrowed to one data source and a
/// tick range), and what to return: the events themselves, newest `limit` of them or the first
/// `limit` by `orderBy`, or with `groupBy` the counts of each distinct value combination (top N).
package struct HuntQuery: Sendable, Hashable, Codable {
    package var source: LogDataset?
    package var `where`: String
    package var sinceTick: Int64?
    package var untilTick: Int64?
    package var limit: Int
    /// ECS field names.
    package var groupBy: [String]
    /// `field`, `field asc`, `field desc`; with `groupBy`, `count` (the default, descending) or a
    /// grouped field.
    package var orderBy: String?

    package init(
        source: LogDataset? = nil, where condition: String = "", sinceTick: Int64? = nil, untilTick: Int64? = nil,
        limit: Int = 100, groupBy: [String] = [], orderBy: String? = nil
    ) {
        self.source = source
        self.where = condition
        self.sinceTick = sinceTick
        self.untilTick = untilTick
        self.limit = limit
        self.groupBy = groupBy
        self.orderBy = orderBy
    }
}
