import CSQLite
import SocSim

/// Decodes rows of `FirewallRuleTable`'s load query straight from the statement's columns.
///
/// socd reads every stored rule at start, a million of them in a large installation, so this
/// skips the general `Row` path: no `DatabaseValue` per column, no `String` for the protocol and
/// action (their bytes are matched in place), no closure per row. It checks exactly what the
/// general path checks (storage classes, ranges, known names), and a damaged row is still an
/// error naming the rule, never a widened rule.
struct FirewallRuleRowReader {
    /// The load query's columns, in order.
    static let columns =
        "id, src_network, src_prefix, dst_network, dst_prefix, sport_low, sport_high, dport_low, dport_high, "
        + "proto, action, comment, expires_at_ms, created_at_ms, hits"
    static let columnCount: Int32 = 15

    private let statement: Statement
    private var handle: OpaquePointer { statement.handle }

    init(_ statement: Statement) {
        self.statement = statement
    }

    /// The current row as a rule at `position`.
    func rule(position: Int) throws -> FirewallRule {
        let id = try integer(0)
        guard let proto = protocolMatch(9), let action = ruleAction(10) else {
            throw invalid(id, "an unknown protocol or action: \(text(9) ?? "NULL") \(text(10) ?? "NULL")")
        }
        guard let comment = text(11) else { throw conversionFailed(11, to: "String") }
        let hits = try integer(14)
        return FirewallRule(
            id: id, position: position, source: try address(1, id: id), destination: try address(3, id: id),
            sourcePort: try port(5, id: id), destinationPort: try port(7, id: id), proto: proto, action: action,
            comment: comment, expiresAt: try optionalInteger(12), createdAt: try integer(13),
            hits: UInt64(max(0, hits)))
    }

    /// The `sort_key` a query selected after the rule's columns, at `column`.
    func sortKey(column: Int32) throws -> Int64 { try integer(column) }

    // MARK: - Fields

    /// A pair of columns is ANY only when both are NULL: a row with one half of an address
    /// missing is damaged, and guessing ANY would widen the rule.
    private func address(_ networkColumn: Int32, id: Int64) throws -> AddressMatch {
        let network = try optionalInteger(networkColumn)
        let prefix = try optionalInteger(networkColumn + 1)
        if network == nil && prefix == nil { return .any }
        guard let network, let prefix, let value = UInt32(exactly: network), (0...32).contains(prefix) else {
            throw invalid(id, "an invalid address \(Self.text(network))/\(Self.text(prefix))")
        }
        return .network(IPv4CIDR(network: IPv4Address(value), prefixLength: Int(prefix)))
    }

    private func port(_ lowColumn: Int32, id: Int64) throws -> PortMatch {
        let low = try optionalInteger(lowColumn)
        let high = try optionalInteger(lowColumn + 1)
        if low == nil && high == nil { return .any }
        guard let low, let high, let lowPort = UInt16(exactly: low), let highPort = UInt16(exactly: high),
            lowPort <= highPort
        else {
            throw invalid(id, "an invalid port range \(Self.text(low))-\(Self.text(high))")
        }
        return .range(lowPort, highPort)
    }

    private func protocolMatch(_ column: Int32) -> ProtocolMatch? {
        guard let bytes = bytes(column) else { return nil }
        if Self.equal(bytes, "tcp") { return .tcp }
        if Self.equal(bytes, "any") { return .any }
        if Self.equal(bytes, "udp") { return .udp }
        if Self.equal(bytes, "icmp") { return .icmp }
        return nil
    }

    private func ruleAction(_ column: Int32) -> RuleAction? {
        guard let bytes = bytes(column) else { return nil }
        if Self.equal(bytes, "DROP") { return .drop }
        if Self.equal(bytes, "REJECT") { return .reject }
        if Self.equal(bytes, "ACCEPT") { return .accept }
        return nil
    }

    // MARK: - Columns

    private func integer(_ column: Int32) throws -> Int64 {
        guard sqlite3_column_type(handle, column) == SQLITE_INTEGER else {
            throw conversionFailed(column, to: "Int64")
        }
        return sqlite3_column_int64(handle, column)
    }

    private func optionalInteger(_ column: Int32) throws -> Int64? {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER: return sqlite3_column_int64(handle, column)
        default: throw conversionFailed(column, to: "Optional<Int64>")
        }
    }

    /// A TEXT column's bytes, valid until the next step; nil for any other storage class.
    private func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard sqlite3_column_type(handle, column) == SQLITE_TEXT else { return nil }
        // text before bytes: SQLite documents that order so the length matches the pointer.
        let start = sqlite3_column_text(handle, column)
        return UnsafeBufferPointer(start: start, count: start == nil ? 0 : Int(sqlite3_column_bytes(handle, column)))
    }

    private func text(_ column: Int32) -> String? {
        bytes(column).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        bytes.count == literal.utf8CodeUnitCount
            && bytes.elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    private func conversionFailed(_ column: Int32, to type: String) -> DatabaseError {
        let value = statement.value(at: Int(column))
        return DatabaseError.conversionFailed(
            column: "\(column) (\(statement.columnName(at: Int(column))))", value: value, to: type, sql: statement.sql)
    }

    private func invalid(_ id: Int64, _ what: String) -> DatabaseError {
        DatabaseError.misuse("firewall rule \(id) in firewall_rules holds \(what)")
    }

    private static func text(_ value: Int64?) -> String { value.map(String.init) ?? "NULL" }
}
