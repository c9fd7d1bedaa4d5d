import JSONRPC

/// `sim.status`: the clock, the scenario, the site's health and the packet counters.
package struct SimStatusRequest: SocMethod {
    package static let method = "sim.status"
    package static let summary = "The simulation clock (tick, speed, running or paused), site health and counters."
    package static let access = MethodAccess.read
    package typealias Params = RPCNoParams
    package typealias Result = SimStatusInfo
}

/// `sim.pause`: stop the clock; the state is saved at once.
package struct SimPauseRequest: SocMethod {
    package static let method = "sim.pause"
    package static let summary =
        "Stops the simulation clock; sim.step then advances it by hand. Pausing twice is harmless."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.storage]
    package typealias Params = RPCNoParams
    package typealias Result = SimStatusInfo
}

/// `sim.resume`: restart the clock at the speed it had.
package struct SimResumeRequest: SocMethod {
    package static let method = "sim.resume"
    package static let summary = "Restarts the simulation clock at its speed. Resuming a running clock is harmless."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.storage]
    package typealias Params = RPCNoParams
    package typealias Result = SimStatusInfo
}

/// `sim.step`: advance a paused simulation by a number of ticks.
package struct SimStepRequest: SocMethod {
    package static let method = "sim.step"
    package static let summary = "Advances a paused simulation by some ticks (1-10000, default 1) and saves it."
    package static let details: String? = """
        Only while paused (invalidState otherwise), so that stepping and the clock never race. \
        The reply comes once the new state is durable.
        """
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.invalidState, RPCErrorCode.storage]

    /// The most ticks one call may simulate: 1000 s of simulated time.
    package static let maximumTicks = 10_000

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var ticks: Int?
        package init(ticks: Int? = nil) { self.ticks = ticks }
        package static let fieldDescriptions = ["ticks": "How many ticks to simulate (1-10000, default 1)."]
    }

    package typealias Result = SimStatusInfo
}

/// `sim.speed`: how many ticks a second the clock runs, or `paused`.
package struct SimSpeedRequest: SocMethod {
    package static let method = "sim.speed"
    package static let summary =
        "Sets the clock's speed in ticks per second (0.1-1000; 10 is real time), or \"paused\"."
    package static let details: String? = """
        A number sets the speed and leaves the clock running or paused as it was; "paused" is sim.pause.
        """
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var ticksPerSecond: SimSpeedInput
        package init(ticksPerSecond: SimSpeedInput) { self.ticksPerSecond = ticksPerSecond }
        package static let fieldDescriptions = [
            "ticksPerSecond": "Ticks per second, 0.1-1000 (a tick is 100 ms, so 10 is real time), or \"paused\"."
        ]
    }

    package typealias Result = SimStatusInfo
}

/// `sim.reset`: start the scenario again from tick 0.
package struct SimResetRequest: SocMethod {
    package static let method = "sim.reset"
    package static let summary =
        "Restarts the simulation from tick 0: the same scenario and seed unless others are given."
    package static let details: String? = """
        Firewall rules are kept. With the same seed and the same rule changes at the same ticks the run \
        replays exactly. The clock keeps its speed and its running or paused state.
        """
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var scenario: String?
        package var seed: Int?
        package init(scenario: String? = nil, seed: Int? = nil) {
            self.scenario = scenario
            self.seed = seed
        }
        package static let fieldDescriptions = [
            "scenario": "The scenario to load (see scenario.list); the current one when absent.",
            "seed": "0-9007199254740991; the current seed when absent.",
        ]
    }

    package typealias Result = SimStatusInfo
}

/// Seeds the API accepts and generates: integers every JSON client reads exactly.
package enum SimSeed {
    package static let range: ClosedRange<Int> = 0...(1 << 53) - 1
}
