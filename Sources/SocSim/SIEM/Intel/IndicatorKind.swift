/// What an indicator's value is.
package enum IndicatorKind: String, Sendable, Hashable, Codable, CaseIterable {
    case ip, cidr, domain, url, sha256
}
