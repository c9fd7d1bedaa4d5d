/// The slots of the rules that share one index key, in evaluation order (ascending order key),
/// so that a scan can stop at the first match. The first slot is stored inline because most
/// keys (a banned address) hold a single rule, and an array per key would cost a heap object.
struct CandidateList: Sendable {
    static let noSlot = UInt32.max

    /// The earliest rule's slot, or `noSlot` when the list is empty.
    private(set) var head: UInt32 = noSlot
    /// The remaining slots, in ascending order key.
    private(set) var tail: [UInt32] = []

    var isEmpty: Bool { head == Self.noSlot }

    var count: Int { isEmpty ? 0 : 1 + tail.count }

    /// Inserts `slot` at its place in evaluation order; `orderKey` gives any slot's key.
    mutating func insert(_ slot: UInt32, orderKey: (UInt32) -> UInt64) {
        guard !isEmpty else {
            head = slot
            return
        }
        let key = orderKey(slot)
        if key < orderKey(head) {
            tail.insert(head, at: 0)
            head = slot
        } else if let last = tail.last, key > orderKey(last) {
            tail.append(slot)  // the bulk-load and append-at-end case
        } else {
            tail.insert(slot, at: Self.firstIndex(in: tail, notBelow: key, orderKey: orderKey))
        }
    }

    /// Adds `slot` at the end; its order key must be above every key in the list (bulk builds,
    /// which file rules in evaluation order).
    mutating func append(_ slot: UInt32) {
        if isEmpty { head = slot } else { tail.append(slot) }
    }

    /// Removes `slot`, which must be present with the order key it was inserted under.
    mutating func remove(_ slot: UInt32, orderKey: (UInt32) -> UInt64) {
        if head == slot {
            head = tail.isEmpty ? Self.noSlot : tail.removeFirst()
            return
        }
        let index = Self.firstIndex(in: tail, notBelow: orderKey(slot), orderKey: orderKey)
        precondition(index < tail.count && tail[index] == slot, "slot \(slot) is not in this candidate list")
        tail.remove(at: index)
    }

    /// All slots in evaluation order (for lookups off the hot path).
    var slots: [UInt32] { isEmpty ? [] : [head] + tail }

    private static func firstIndex(in slots: [UInt32], notBelow key: UInt64, orderKey: (UInt32) -> UInt64) -> Int {
        var low = 0
        var high = slots.count
        while low < high {
            let middle = (low + high) / 2
            if orderKey(slots[middle]) < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
