/// What a scenario's check and score need to know about the run so far. Persisted in snapshots.
package struct ScenarioProgress: Sendable, Hashable, Codable {
    /// The tick of the first malicious packet.
    package var attackStartTick: Int64?
    /// The last tick a malicious packet got through the firewall to the web server.
    package var lastMaliciousDeliveryTick: Int64?
    /// Legitimate packets over the check's window.
    package var legitimateWindow: TickWindowCounter
    /// Set once, when the check first holds; the scenario stays solved.
    package var outcome: ScenarioOutcome?

    package init(windowTicks: Int) {
        legitimateWindow = TickWindowCounter(windowTicks: windowTicks)
    }
}
