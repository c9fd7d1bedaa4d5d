/// TCP header flags, in the bit positions of the header.
package struct TCPFlags: OptionSet, Sendable, Hashable, Codable {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    package static let fin = TCPFlags(rawValue: 0x01)
    package static let syn = TCPFlags(rawValue: 0x02)
    package static let rst = TCPFlags(rawValue: 0x04)
    package static let psh = TCPFlags(rawValue: 0x08)
    package static let ack = TCPFlags(rawValue: 0x10)
    package static let urg = TCPFlags(rawValue: 0x20)

    /// A segment carrying request data on an established connection.
    package static let data: TCPFlags = [.ack, .psh]

    /// Names in the order the iptables LOG target prints them (`ACK PSH`).
    package var names: [String] {
        let order: [(TCPFlags, String)] = [
            (.urg, "URG"), (.ack, "ACK"), (.psh, "PSH"), (.rst, "RST"), (.syn, "SYN"), (.fin, "FIN"),
        ]
        return order.compactMap { contains($0.0) ? $0.1 : nil }
    }
}
