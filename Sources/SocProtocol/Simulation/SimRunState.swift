import JSONRPC

/// Whether the simulation clock advances on its own.
package enum SimRunState: String, Codable, Sendable, Hashable, CaseIterable, JSONSchemaEnum {
    /// Ticks advance in real time at `ticksPerSecond`.
    case running
    /// Time stands still until `sim.resume`; `sim.step` advances it by hand.
    case paused
}
