/// The DNS question types the simulated clients ask.
package enum DNSRecordType: String, Sendable, Hashable, Codable, CaseIterable {
    case a = "A"
    case aaaa = "AAAA"
    case mx = "MX"
    case txt = "TXT"
}
