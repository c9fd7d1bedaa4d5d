/// Per-key detection state with a hard cap on keys, so a flood of distinct sources (a spoofed
/// scan, a botnet) cannot grow a detection's memory without bound. When full, keys idle for
/// `idleTicks` go first; if none are, the least recently seen half is dropped. Dropping a key
/// only forgets a partial count: the worst case is a late alert, never a wrong one.
struct BoundedKeyTable<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    struct Entry: Sendable {
        var value: Value
        var lastTick: Int64
    }

    let capacity: Int
    private(set) var entries: [Key: Entry] = [:]
    /// Keys dropped because the table was full.
    private(set) var evictions = 0

    init(capacity: Int) {
        precondition(capacity > 0, "a key table needs room for one key")
        self.capacity = capacity
    }

    var count: Int { entries.count }

    /// Runs `body` on `key`'s value, creating it with `make` on first sight.
    @inline(__always)
    mutating func update<Result>(
        _ key: Key, tick: Int64, idleTicks: Int64, make: () -> Value, _ body: (inout Value) -> Result
    ) -> Result {
        if entries.count >= capacity && entries[key] == nil { makeRoom(now: tick, idleTicks: idleTicks) }
        return withValue(&entries[key, default: Entry(value: make(), lastTick: tick)], tick: tick, body)
    }

    @inline(__always)
    private func withValue<Result>(_ entry: inout Entry, tick: Int64, _ body: (inout Value) -> Result) -> Result {
        entry.lastTick = tick
        return body(&entry.value)
    }

    func value(for key: Key) -> Value? { entries[key]?.value }

    mutating func removeAll() { entries.removeAll() }

    private mutating func makeRoom(now: Int64, idleTicks: Int64) {
        let before = entries.count
        entries = entries.filter { now - $0.value.lastTick < idleTicks }
        if entries.count >= capacity {
            let newestFirst = entries.sorted { $0.value.lastTick > $1.value.lastTick }
            entries = Dictionary(uniqueKeysWithValues: newestFirst.prefix(capacity / 2).map { ($0.key, $0.value) })
        }
        evictions += before - entries.count
    }
}
