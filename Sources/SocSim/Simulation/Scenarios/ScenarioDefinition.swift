/// A scenario as data: what the learner reads, what solves it, and the traffic that runs. The seed
/// it is loaded with decides the rest (addresses, MACs, every packet).
package struct ScenarioDefinition: Sendable, Hashable {
    package enum Difficulty: String, Sendable, Hashable, Codable, CaseIterable {
        case introductory, intermediate, advanced
    }

    /// Stable identifier, kebab-case (`web-flood`).
    package var name: String
    package var title: String
    package var difficulty: Difficulty
    /// What the learner must achieve, in one or two sentences.
    package var objective: String
    /// In the order they should be revealed.
    package var hints: [String]
    package var check: ScenarioCheck
    package var webServices: [NetworkHost.Service]
    /// Requests the web server answers per tick (at traffic scale 1); beyond that it answers 503.
    package var serverCapacityPerTick: Int
    package var attacker: AttackerPlacement
    /// Whether internet visitors avoid the attacker's /24, so that a rule on the whole network
    /// costs nothing legitimate (the rotating variant, where such a rule is the answer).
    package var visitorsAvoidAttackerNetwork: Bool
    package var traffic: [TrafficSpec]

    package init(
        name: String, title: String, difficulty: Difficulty, objective: String, hints: [String],
        check: ScenarioCheck, webServices: [NetworkHost.Service], serverCapacityPerTick: Int,
        attacker: AttackerPlacement, visitorsAvoidAttackerNetwork: Bool, traffic: [TrafficSpec]
    ) {
        self.name = name
        self.title = title
        self.difficulty = difficulty
        self.objective = objective
        self.hints = hints
        self.check = check
        self.webServices = webServices
        self.serverCapacityPerTick = serverCapacityPerTick
        self.attacker = attacker
        self.visitorsAvoidAttackerNetwork = visitorsAvoidAttackerNetwork
        self.traffic = traffic
    }
}
