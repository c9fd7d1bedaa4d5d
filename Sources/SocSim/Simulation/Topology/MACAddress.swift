/// A 48-bit Ethernet address.
package struct MACAddress: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The six octets in the low 48 bits, first octet most significant.
    package let value: UInt64

    package init(_ value: UInt64) { self.value = value & 0xFFFF_FFFF_FFFF }

    /// Parses six two-digit hex octets separated by `:` (as Linux tools print them) or `-` (as the
    /// Elastic Common Schema writes them), in either case.
    package init?(_ text: some StringProtocol) {
        let parts = text.split(separator: text.contains("-") ? "-" : ":", omittingEmptySubsequences: false)
        guard parts.count == 6 else { return nil }
        var result: UInt64 = 0
        for part in parts {
            guard part.utf8.count == 2, let octet = HexEncoding.decode(part)?.first else { return nil }
            result = result << 8 | UInt64(octet)
        }
        value = result
    }

    package var octets: [UInt8] {
        stride(from: 40, through: 0, by: -8).map { UInt8(truncatingIfNeeded: value >> UInt64($0)) }
    }

    /// `52:54:00:ab:cd:ef`: the form dhcpd, ip(8) and iptables print.
    package var description: String { HexEncoding.encode(octets).chunked(by: 2, separator: ":") }

    /// `52-54-00-AB-CD-EF`: the form ECS prescribes for `*.mac` fields.
    package var ecsDescription: String { HexEncoding.encode(octets).uppercased().chunked(by: 2, separator: "-") }

    package static func < (lhs: MACAddress, rhs: MACAddress) -> Bool { lhs.value < rhs.value }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let address = MACAddress(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a MAC address")
        }
        self = address
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension String {
    fileprivate func chunked(by size: Int, separator: Character) -> String {
        var result = ""
        for (offset, character) in enumerated() {
            if offset > 0 && offset % size == 0 { result.append(separator) }
            result.append(character)
        }
        return result
    }
}
