import JSONRPC

/// `scenario.list`: the catalog.
package struct ScenarioListRequest: SocMethod {
    package static let method = "scenario.list"
    package static let summary = "The scenarios socd offers, with objectives, hints and difficulty."
    package static let access = MethodAccess.read
    package typealias Params = RPCNoParams

    package struct Result: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var scenarios: [ScenarioInfo]
        package var current: String
        package var `default`: String
        package init(scenarios: [ScenarioInfo], current: String, default: String) {
            self.scenarios = scenarios
            self.current = current
            self.default = `default`
        }
        package static let fieldDescriptions = [
            "scenarios": "Every scenario, easiest first.",
            "current": "The loaded scenario.",
            "default": "The scenario socd loads when nothing was saved: the room's.",
        ]
    }
}

/// `scenario.load`: start a scenario from tick 0.
package struct ScenarioLoadRequest: SocMethod {
    package static let method = "scenario.load"
    package static let summary = "Loads a scenario from tick 0, with the given seed or a random one."
    package static let details: String? = """
        Firewall rules are kept: clear them with rules.clear for a fresh start. The seed decides which \
        machine attacks and from where, so a random seed makes the learner look.
        """
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var name: String
        package var seed: Int?
        package init(name: String, seed: Int? = nil) {
            self.name = name
            self.seed = seed
        }
        package static let fieldDescriptions = [
            "name": "The scenario (see scenario.list).",
            "seed": "0-9007199254740991; random when absent.",
        ]
    }

    package typealias Result = ScenarioStatusInfo
}

/// `scenario.status`: progress toward the objective, and the flag once solved.
package struct ScenarioStatusRequest: SocMethod {
    package static let method = "scenario.status"
    package static let summary =
        "Objective, progress, packets blocked and lost; the flag, time to solve and score once solved."
    package static let access = MethodAccess.read
    package typealias Params = RPCNoParams
    package typealias Result = ScenarioStatusInfo
}
