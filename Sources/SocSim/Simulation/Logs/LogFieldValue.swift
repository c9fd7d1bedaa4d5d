/// The value of one field of a log record. Typed, so that a query can compare numbers as
/// numbers and test addresses against a CIDR without parsing text per record.
package enum LogFieldValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case integer(Int64)
    case address(IPv4Address)
    case mac(MACAddress)

    /// The value as ECS JSON would carry it (MACs upper-case with hyphens).
    package var description: String {
        switch self {
        case .string(let text): text
        case .integer(let number): String(number)
        case .address(let address): address.description
        case .mac(let mac): mac.ecsDescription
        }
    }

    package var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    package var integerValue: Int64? {
        if case .integer(let number) = self { number } else { nil }
    }

    package var addressValue: IPv4Address? {
        if case .address(let address) = self { address } else { nil }
    }
}
