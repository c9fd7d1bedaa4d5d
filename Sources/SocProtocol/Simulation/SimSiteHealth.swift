import JSONRPC

/// The website as its legitimate users experience it over the last second of simulated time.
package enum SimSiteHealth: String, Codable, Sendable, Hashable, CaseIterable, JSONSchemaEnum {
    /// At least 95 % of legitimate requests answered.
    case up
    /// At least half answered.
    case degraded
    case down
}
