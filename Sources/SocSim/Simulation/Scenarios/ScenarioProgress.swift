/// What a scenario's check and score need to know about the run so far. Persisted in snapshots.
package struct ScenarioProgress: Sendable, Hashable, Codable {
    /// The tick of the first malicious packet.
    package var attackStartTick: Int64?
    /// The last tick a malicious packet got through the firewall (to the web server, the
    /// resolver or out of the network: wherever the attack was going).
    package var lastMaliciousDeliveryTick: Int64?
    /// The tick the attacker got in: a malicious login the server accepted. The scenario is lost.
    package private(set) var compromisedAtTick: Int64?
    /// How the attacker got in, when it did. Nil with `compromisedAtTick` set only in a snapshot
    /// written before the details were kept.
    package private(set) var compromise: ScenarioCompromise?
    /// Legitimate packets over the check's window.
    package var legitimateWindow: TickWindowCounter
    /// Per service of the check's `guardedServices`, in its order: that service's legitimate
    /// packets over the window.
    package var guardedWindows: [TickWindowCounter]
    /// Set once, when the check first holds; the scenario stays solved.
    package var outcome: ScenarioOutcome?

    package init(check: ScenarioCheck) {
        legitimateWindow = TickWindowCounter(windowTicks: check.windowTicks)
        guardedWindows = check.guardedServices.map { _ in TickWindowCounter(windowTicks: check.windowTicks) }
    }

    /// Records the attacker's way in; the first one stands.
    package mutating func recordCompromise(_ compromise: ScenarioCompromise) {
        guard compromisedAtTick == nil else { return }
        compromisedAtTick = compromise.tick
        self.compromise = compromise
    }

    /// Whether this progress was made under `check` (a snapshot restored into its scenario).
    package func fits(_ check: ScenarioCheck) -> Bool {
        legitimateWindow.windowTicks == check.windowTicks && guardedWindows.count == check.guardedServices.count
            && guardedWindows.allSatisfy { $0.windowTicks == check.windowTicks }
    }

    private enum CodingKeys: String, CodingKey {
        case attackStartTick, lastMaliciousDeliveryTick, compromisedAtTick, compromise, legitimateWindow,
            guardedWindows, outcome
    }

    /// Snapshots written before guarded services existed have no `guardedWindows`: their
    /// scenarios guarded none. Those written before a compromise's details were kept have its
    /// tick alone.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        attackStartTick = try container.decodeIfPresent(Int64.self, forKey: .attackStartTick)
        lastMaliciousDeliveryTick = try container.decodeIfPresent(Int64.self, forKey: .lastMaliciousDeliveryTick)
        compromisedAtTick = try container.decodeIfPresent(Int64.self, forKey: .compromisedAtTick)
        compromise = try container.decodeIfPresent(ScenarioCompromise.self, forKey: .compromise)
        legitimateWindow = try container.decode(TickWindowCounter.self, forKey: .legitimateWindow)
        guardedWindows = try container.decodeIfPresent([TickWindowCounter].self, forKey: .guardedWindows) ?? []
        outcome = try container.decodeIfPresent(ScenarioOutcome.self, forKey: .outcome)
    }
}
