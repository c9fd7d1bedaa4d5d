/// The value of one field of a `SecurityEvent`: the small, typed counterpart of `LogFieldValue`
/// in which low-cardinality text is a `Symbol`.
package enum EventValue: Sendable, Hashable {
    case symbol(Symbol)
    case text(String)
    case integer(Int64)
    case address(IPv4Address)
    case mac(MACAddress)

    /// The value as ECS JSON would carry it, with symbols resolved through `symbols`.
    package func rendered(with symbols: SymbolTable) -> String {
        switch self {
        case .symbol(let symbol): symbols[symbol]
        case .text(let text): text
        case .integer(let number): String(number)
        case .address(let address): address.description
        case .mac(let mac): mac.ecsDescription
        }
    }

    /// The value as a log record reports it, for comparing a normalized event with its source.
    package func logFieldValue(with symbols: SymbolTable) -> LogFieldValue {
        switch self {
        case .symbol(let symbol): .string(symbols[symbol])
        case .text(let text): .string(text)
        case .integer(let number): .integer(number)
        case .address(let address): .address(address)
        case .mac(let mac): .mac(mac)
        }
    }
}
