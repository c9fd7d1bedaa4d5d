/// A filter over the audit trail, newest first, paged by id.
///
/// To page, pass the `id` of the last record of one page as `afterID` of the next: the next page
/// holds the records that come after it in newest-first order (smaller ids). Paging by id stays
/// correct while new records are appended, where an offset would shift.
package struct AuditQuery: Sendable, Equatable {
    /// The largest page `limit` may ask for; larger limits are lowered to it.
    package static let maximumLimit = 10_000

    /// Only records at or after this time (milliseconds since the epoch).
    package var sinceMilliseconds: Int64?
    /// Only records before this time (exclusive).
    package var untilMilliseconds: Int64?
    package var method: String?
    package var uid: UInt32?
    package var outcome: AuditOutcome?
    /// At most this many records, 1 to `maximumLimit` (values outside are clamped).
    package var limit: Int
    /// Only records older than the record with this id (see paging above).
    package var afterID: Int64?

    package init(
        sinceMilliseconds: Int64? = nil, untilMilliseconds: Int64? = nil, method: String? = nil, uid: UInt32? = nil,
        outcome: AuditOutcome? = nil, limit: Int = 100, afterID: Int64? = nil
    ) {
        self.sinceMilliseconds = sinceMilliseconds
        self.untilMilliseconds = untilMilliseconds
        self.method = method
        self.uid = uid
        self.outcome = outcome
        self.limit = limit
        self.afterID = afterID
    }
}
