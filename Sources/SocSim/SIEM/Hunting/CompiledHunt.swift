/// A `HuntQuery` parsed, validated and bound to a symbol table, run against a retention store.
/// Compile once per request; `run` reads the store and never changes it.
package struct CompiledHunt: Sendable {
    package let query: HuntQuery
    private let predicate: HuntPredicate
    private let groupFields: [ECSField]
    private let ordering: HuntOrdering?

    /// Errors point into `query.where` (or name `groupBy` / `orderBy` / `limit`).
    package init(_ query: HuntQuery, symbols: SymbolTable) throws(HuntQueryError) {
        guard query.limit > 0 else {
            throw HuntQueryError(message: "limit must be at least 1 (got \(query.limit))", column: 1)
        }
        var expression = try HuntParser.parse(query.where)
        if let source = query.source { expression = .and(.dataset(source, equal: true), expression) }
        self.query = query
        predicate = HuntPredicate(expression, symbols: symbols)
        var fields: [ECSField] = []
        for name in query.groupBy {
            guard let field = ECSField(rawValue: name) else {
                throw HuntQueryError(message: "unknown groupBy field '\(name)'", column: 1, length: name.count)
            }
            fields.append(field)
        }
        groupFields = fields
        ordering = try query.orderBy.map { text throws(HuntQueryError) in
            try HuntOrdering(parsing: text, grouped: !fields.isEmpty)
        }
        if case .field(let field)? = ordering?.key, !fields.isEmpty, !fields.contains(field) {
            throw HuntQueryError(
                message: "orderBy \(field.rawValue) must be a groupBy field or count", column: 1,
                length: field.rawValue.count)
        }
    }

    package func run(on store: SecurityEventStore, symbols: SymbolTable) -> HuntResult {
        let offsets = store.offsets(ticks: (query.sinceTick ?? .min)...(query.untilTick ?? .max))
        if groupFields.count == 1 { return runGroupedByOne(groupFields[0], store, offsets, symbols) }
        if !groupFields.isEmpty { return runGrouped(store, offsets, symbols) }
        return runEvents(store, offsets, symbols)
    }

    private func runEvents(_ store: SecurityEventStore, _ offsets: Range<Int>, _ symbols: SymbolTable) -> HuntResult {
        var matchedOffsets: [Int32] = []
        var offset = offsets.lowerBound
        store.forEach(in: offsets) { event in
            if predicate.matches(event, symbols: symbols) { matchedOffsets.append(Int32(offset)) }
            offset += 1
        }
        var chosen: ArraySlice<Int32>
        if let ordering, case .field(let field) = ordering.key {
            let keyed = matchedOffsets.map { (offset: $0, value: store[Int($0)].value(of: field, symbols: symbols)) }
            let sorted = keyed.sorted { lhs, rhs in
                Self.precedes(lhs.value, rhs.value, descending: ordering.descending, symbols: symbols)
            }
            chosen = sorted.prefix(query.limit).map(\.offset)[...]
        } else {
            chosen = matchedOffsets.suffix(query.limit)
        }
        return HuntResult(
            scanned: offsets.count, matched: matchedOffsets.count, events: chosen.map { store[Int($0)] }, groups: [],
            distinctGroups: 0)
    }

    private func runGroupedByOne(
        _ field: ECSField, _ store: SecurityEventStore, _ offsets: Range<Int>, _ symbols: SymbolTable
    ) -> HuntResult {
        var counts: [EventValue?: Int] = [:]
        var matched = 0
        store.forEach(in: offsets) { event in
            guard predicate.matches(event, symbols: symbols) else { return }
            matched += 1
            counts[Self.groupValue(event, field, symbols), default: 0] += 1
        }
        let groups = counts.map { (values: [$0.key], count: $0.value) }
        return finish(groups, scanned: offsets.count, matched: matched, symbols: symbols)
    }

    private func runGrouped(_ store: SecurityEventStore, _ offsets: Range<Int>, _ symbols: SymbolTable) -> HuntResult {
        var counts: [[EventValue?]: Int] = [:]
        var matched = 0
        store.forEach(in: offsets) { event in
            guard predicate.matches(event, symbols: symbols) else { return }
            matched += 1
            counts[groupFields.map { Self.groupValue(event, $0, symbols) }, default: 0] += 1
        }
        return finish(
            counts.map { (values: $0.key, count: $0.value) }, scanned: offsets.count, matched: matched, symbols: symbols
        )
    }

    /// The field as a group key; numbers and addresses read directly for the common fields.
    @inline(__always)
    private static func groupValue(
        _ event: borrowing SecurityEvent, _ field: ECSField, _ symbols: SymbolTable
    )
        -> EventValue?
    {
        switch field {
        case .sourceIP, .destinationIP: event.address(of: field).map { .address($0) }
        case .sourcePort, .destinationPort: event.integer(of: field).map { .integer($0) }
        default: event.value(of: field, symbols: symbols)
        }
    }

    private func finish(
        _ groups: [(values: [EventValue?], count: Int)], scanned: Int, matched: Int, symbols: SymbolTable
    ) -> HuntResult {
        let ordering = self.ordering ?? HuntOrdering.byCountDescending
        let sorted: [(values: [EventValue?], count: Int)]
        switch ordering.key {
        case .count:
            // Ties broken by value so the output is deterministic.
            sorted = groups.sorted { lhs, rhs in
                if lhs.count != rhs.count { return ordering.descending ? lhs.count > rhs.count : lhs.count < rhs.count }
                return Self.precedes(lhs.values, rhs.values, symbols: symbols)
            }
        case .field(let field):
            let index = groupFields.firstIndex(of: field)!
            sorted = groups.sorted { lhs, rhs in
                if lhs.values[index] != rhs.values[index] {
                    return Self.precedes(
                        lhs.values[index], rhs.values[index], descending: ordering.descending, symbols: symbols)
                }
                return lhs.count > rhs.count
            }
        }
        let shown = sorted.prefix(query.limit).map { group in
            HuntResult.Group(values: group.values.map { $0?.rendered(with: symbols) }, count: group.count)
        }
        return HuntResult(scanned: scanned, matched: matched, events: [], groups: shown, distinctGroups: groups.count)
    }

    /// Missing values sort last either way; numbers and addresses numerically, text by its bytes.
    private static func precedes(
        _ lhs: EventValue?, _ rhs: EventValue?, descending: Bool, symbols: SymbolTable
    )
        -> Bool
    {
        guard let lhs else { return false }
        guard let rhs else { return true }
        let ordered = compare(lhs, rhs, symbols: symbols)
        return descending ? ordered > 0 : ordered < 0
    }

    private static func precedes(_ lhs: [EventValue?], _ rhs: [EventValue?], symbols: SymbolTable) -> Bool {
        for (left, right) in zip(lhs, rhs) where left != right {
            return precedes(left, right, descending: false, symbols: symbols)
        }
        return false
    }

    private static func compare(_ lhs: EventValue, _ rhs: EventValue, symbols: SymbolTable) -> Int {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): return a < b ? -1 : a > b ? 1 : 0
        case (.address(let a), .address(let b)): return a < b ? -1 : a > b ? 1 : 0
        case (.mac(let a), .mac(let b)): return a < b ? -1 : a > b ? 1 : 0
        default:
            let a = lhs.rendered(with: symbols)
            let b = rhs.rendered(with: symbols)
            return a < b ? -1 : a > b ? 1 : 0
        }
    }
}

extension HuntOrdering {
    static let byCountDescending = HuntOrdering(key: .count, descending: true)

    init(key: Key, descending: Bool) {
        self.key = key
        self.descending = descending
    }
}
