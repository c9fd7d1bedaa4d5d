/// The website as its legitimate users experience it over the last `SiteHealth.windowTicks`.
package enum SiteHealth: String, Sendable, Hashable, Codable, CaseIterable {
    /// At least 95 % of legitimate requests answered.
    case up
    /// At least half answered.
    case degraded
    case down

    package static let windowTicks = 10

    /// Falls back to the server's load when no legitimate request came in the window.
    package init(legitimateSuccessRate: Double?, serverLoad: Double) {
        if let rate = legitimateSuccessRate {
            self = rate >= 0.95 ? .up : rate >= 0.5 ? .degraded : .down
        } else {
            self = serverLoad <= 1 ? .up : serverLoad <= 2 ? .degraded : .down
        }
    }
}
