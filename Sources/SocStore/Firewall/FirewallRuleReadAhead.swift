import SocSim

/// Decodes `FirewallRuleTable`'s rows on a thread of its own and hands them over in chunks, so
/// that the caller compiles rules into the rule set while the next rows are read: on two cores
/// socd's start with a million rules takes about as long as the slower of the two halves
/// instead of their sum.
///
/// At most `maximumChunks` chunks wait at a time (a few megabytes), so memory stays bounded when
/// the reading runs ahead. The rows are read in rowid order; the first one whose `sort_key` is
/// smaller than its predecessor's ends the stream with `Outcome.outOfOrder` (see
/// `FirewallRuleTable.loadRuleset`).
final class FirewallRuleReadAhead: @unchecked Sendable {
    // @unchecked Sendable: `queue` is a ConditionLock; `database` is used only by the reading
    // thread between `start` and its join in `finish`, while the caller promises not to touch it.

    /// How the stream ended.
    enum Outcome {
        /// Every row was handed over.
        case complete
        /// A row's key was smaller than the previous one's; the rows handed over are useless.
        case outOfOrder
        /// A row could not be read or decoded.
        case failed(any Error)
    }

    private struct Queue {
        var chunks: [[FirewallRule]] = []
        var outcome: Outcome?
        var isCancelled = false
    }

    static let chunkSize = 8_192
    static let maximumChunks = 8

    private let database: Database
    private let excludingExpiredAt: Int64?
    private let queue = ConditionLock(Queue())
    private var reader: JoinableThread<Void>?

    /// Starts reading. `db` belongs to the reading thread until `finish()` returns.
    init(database db: Database, excludingExpiredAt now: Int64?) throws {
        database = db
        excludingExpiredAt = now
        reader = try JoinableThread { [self] in readAll() }
    }

    /// The next chunk of rules in id order, or nil once the stream ended.
    func next() -> [FirewallRule]? {
        let chunk = queue.wait(until: { !$0.chunks.isEmpty || $0.outcome != nil }) { queue -> [FirewallRule]? in
            queue.chunks.isEmpty ? nil : queue.chunks.removeFirst()
        }
        queue.broadcast()
        return chunk
    }

    /// Stops the reading thread (if it still runs), waits for it and says how the stream ended.
    func finish() -> Outcome {
        queue.withLock { $0.isCancelled = true }
        queue.broadcast()
        reader?.join()
        reader = nil
        return queue.withLock { $0.outcome ?? .complete }
    }

    private func readAll() {
        let outcome: Outcome
        do {
            outcome = try database.withStatement(
                "SELECT \(FirewallRuleRowReader.columns), sort_key FROM firewall_rules ORDER BY id"
            ) { statement in try read(statement) }
        } catch {
            outcome = .failed(error)
        }
        queue.withLock { if $0.outcome == nil { $0.outcome = outcome } }
        queue.broadcast()
    }

    private func read(_ statement: Statement) throws -> Outcome {
        let reader = FirewallRuleRowReader(statement)
        var previousKey = Int64.min
        var chunk: [FirewallRule] = []
        chunk.reserveCapacity(Self.chunkSize)
        while try statement.step() {
            // Rows come in id order, so equal keys are in (key, id) order too.
            let key = try reader.sortKey(column: FirewallRuleRowReader.columnCount)
            guard key >= previousKey else { return .outOfOrder }
            previousKey = key
            let rule = try reader.rule(position: 0)
            if let now = excludingExpiredAt, rule.isExpired(now: now) { continue }
            chunk.append(rule)
            if chunk.count == Self.chunkSize {
                guard hand(over: chunk) else { return .complete }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { _ = hand(over: chunk) }
        return .complete
    }

    /// Queues `chunk`, waiting while the queue is full; false when the consumer gave up.
    private func hand(over chunk: [FirewallRule]) -> Bool {
        let accepted = queue.wait(until: { $0.chunks.count < Self.maximumChunks || $0.isCancelled }) { queue in
            guard !queue.isCancelled else { return false }
            queue.chunks.append(chunk)
            return true
        }
        queue.broadcast()
        return accepted
    }
}
