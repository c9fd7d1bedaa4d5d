/// A hunt condition bound to a symbol table, ready to test events: text literals of symbol
/// fields are resolved to the set of symbols they match once, so the per-event test of any
/// string field on a symbol is a set lookup, and the common fields (addresses, ports, dataset)
/// are read straight from the event's stored properties.
///
/// A comparison on a field the event lacks is false, `!=` included; `not` turns that into true.
indirect enum HuntPredicate: Sendable {
    case all
    case and([HuntPredicate])
    case or([HuntPredicate])
    case not(HuntPredicate)
    case dataset(LogDataset, equal: Bool)
    case address(ECSField, network: UInt32, mask: UInt32, equal: Bool)
    case integer(ECSField, HuntComparisonOperator, Int64)
    case integerRange(ECSField, ClosedRange<Int64>)
    case symbols(ECSField, Set<Symbol>, equal: Bool)
    case textEquals(ECSField, String, equal: Bool)
    case textContains(ECSField, String)
    case mac(MACAddress, equal: Bool)

    init(_ expression: HuntExpression, symbols: SymbolTable) {
        switch expression {
        case .all: self = .all
        case .and(let left, let right):
            self = Self.flatten(.and([Self(left, symbols: symbols), Self(right, symbols: symbols)]))
        case .or(let left, let right):
            self = Self.flatten(.or([Self(left, symbols: symbols), Self(right, symbols: symbols)]))
        case .not(let inner): self = .not(Self(inner, symbols: symbols))
        case .dataset(let dataset, let equal): self = .dataset(dataset, equal: equal)
        case .addressIn(let field, let network, let equal):
            self = .address(field, network: network.network.value, mask: network.mask, equal: equal)
        case .integer(let field, let comparison, let value): self = .integer(field, comparison, value)
        case .integerRange(let field, let range): self = .integerRange(field, range)
        case .textEquals(let field, let text, let equal):
            if HuntFieldKind(field) == .symbol {
                self = .symbols(field, symbols.lookup(text).map { [$0] } ?? [], equal: equal)
            } else {
                self = .textEquals(field, text, equal: equal)
            }
        case .textContains(let field, let text):
            if HuntFieldKind(field) == .symbol {
                self = .symbols(field, symbols.symbols(where: { $0.contains(text) }), equal: true)
            } else {
                self = .textContains(field, text)
            }
        case .macEquals(let mac, let equal): self = .mac(mac, equal: equal)
        }
    }

    /// `a and (b and c)` as one list, so evaluation is a loop rather than a recursion per level.
    private static func flatten(_ predicate: HuntPredicate) -> HuntPredicate {
        switch predicate {
        case .and(let parts):
            return .and(parts.flatMap { if case .and(let inner) = $0 { inner } else { [$0] } })
        case .or(let parts):
            return .or(parts.flatMap { if case .or(let inner) = $0 { inner } else { [$0] } })
        default:
            return predicate
        }
    }

    func matches(_ event: borrowing SecurityEvent, symbols: SymbolTable) -> Bool {
        switch self {
        case .all:
            return true
        case .and(let parts):
            for part in parts where !part.matches(event, symbols: symbols) { return false }
            return true
        case .or(let parts):
            for part in parts where part.matches(event, symbols: symbols) { return true }
            return false
        case .not(let inner):
            return !inner.matches(event, symbols: symbols)
        case .dataset(let dataset, let equal):
            return (event.dataset == dataset) == equal
        case .address(let field, let network, let mask, let equal):
            guard let address = event.address(of: field) else { return false }
            return (address.value & mask == network) == equal
        case .integer(let field, let comparison, let value):
            guard let number = event.integer(of: field) else { return false }
            return comparison.holds(number, value)
        case .integerRange(let field, let range):
            guard let number = event.integer(of: field) else { return false }
            return range.contains(number)
        case .symbols(let field, let set, let equal):
            guard case .symbol(let symbol)? = event.value(of: field, symbols: symbols) else { return false }
            return set.contains(symbol) == equal
        case .textEquals(let field, let text, let equal):
            guard let value = event.text(of: field, symbols: symbols) else { return false }
            return (value == text) == equal
        case .textContains(let field, let text):
            guard let value = event.text(of: field, symbols: symbols) else { return false }
            return value.contains(text)
        case .mac(let mac, let equal):
            guard case .dhcp(let dhcp) = event.detail else { return false }
            return (dhcp.mac == mac) == equal
        }
    }
}

extension SymbolTable {
    /// Every symbol whose text satisfies `predicate`.
    func symbols(where predicate: (String) -> Bool) -> Set<Symbol> {
        var result: Set<Symbol> = []
        for index in 0..<count where predicate(self[Symbol(index: UInt32(index))]) {
            result.insert(Symbol(index: UInt32(index)))
        }
        return result
    }
}

extension SecurityEvent {
    /// An address field without building an `EventValue`.
    @inline(__always)
    func address(of field: ECSField) -> IPv4Address? {
        switch field {
        case .sourceIP: return sourceIP
        case .destinationIP: return destinationIP
        case .hostIP:
            if case .dhcp(let dhcp) = detail { return dhcp.address }
            return nil
        default: return nil
        }
    }

    /// A numeric field without building an `EventValue` for the common ones.
    @inline(__always)
    func integer(of field: ECSField) -> Int64? {
        switch field {
        case .sourcePort: return sourcePort.map { Int64($0) }
        case .destinationPort: return destinationPort.map { Int64($0) }
        case .timestamp: return timestampMilliseconds
        case .httpResponseStatusCode:
            if case .webAccess(let web) = detail { return Int64(web.statusCode) }
            return nil
        default:
            if case .integer(let number)? = value(of: field, symbols: SymbolTable.unused) { return number }
            return nil
        }
    }
}

extension SymbolTable {
    /// For reading fields that never resolve symbols (numbers).
    static let unused = SymbolTable()
}
