/// An IPv4 network in CIDR notation. The address is always stored masked, so `10.0.0.7/24`
/// and `10.0.0.0/24` are the same network; `description` prints the canonical form.
package struct IPv4CIDR: Sendable, Hashable, Codable, CustomStringConvertible {
    package let network: IPv4Address
    package let prefixLength: Int

    package init(network: IPv4Address, prefixLength: Int) {
        precondition((0...32).contains(prefixLength), "prefix length \(prefixLength) outside 0-32")
        self.prefixLength = prefixLength
        self.network = IPv4Address(network.value & Self.mask(prefixLength))
    }

    /// `a.b.c.d/n`; a bare address is a /32.
    package init?(_ text: some StringProtocol) {
        // Searched in the UTF-8 view: a search for a Character breaks the text into graphemes,
        // which made this the costliest step of validating a rule.
        if let slash = text.utf8.firstIndex(of: UInt8(ascii: "/")) {
            guard let address = IPv4Address(text[..<slash]) else { return nil }
            let lengthText = text[text.index(after: slash)...]
            guard !lengthText.isEmpty, lengthText.utf8.count <= 2, lengthText.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                let length = Int(lengthText), (0...32).contains(length)
            else { return nil }
            self.init(network: address, prefixLength: length)
        } else {
            guard let address = IPv4Address(text) else { return nil }
            self.init(network: address, prefixLength: 32)
        }
    }

    package static func mask(_ prefixLength: Int) -> UInt32 {
        prefixLength == 0 ? 0 : UInt32.max << UInt32(32 - prefixLength)
    }

    package var mask: UInt32 { Self.mask(prefixLength) }

    package func contains(_ address: IPv4Address) -> Bool {
        address.value & mask == network.value
    }

    package var description: String { "\(network)/\(prefixLength)" }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let cidr = IPv4CIDR(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not an IPv4 CIDR")
        }
        self = cidr
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
