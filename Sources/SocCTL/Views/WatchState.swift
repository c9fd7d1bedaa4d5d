import SocProtocol

/// Everything the watch view shows, built from socd's replies and events; a frame is a pure
/// function of this and the terminal's size (see `WatchFrame`).
package struct WatchState: Sendable {
    package var topology: TopologyGetRequest.Result?
    package var sim: SimStatusInfo?
    package var scenario: ScenarioStatusInfo?
    package var sources = SourceTally()
    package var animation = PacketAnimation()
    /// Packets socd left out of the `traffic` topic's samples (the sources count what came).
    package var omittedPackets = 0

    package init(
        topology: TopologyGetRequest.Result? = nil, sim: SimStatusInfo? = nil, scenario: ScenarioStatusInfo? = nil
    ) {
        self.topology = topology
        self.sim = sim
        self.scenario = scenario
    }

    /// Counts the packets of `traffic.recent` so the top sources are filled from the start.
    package mutating func count(recent packets: [TrafficPacket]) {
        for packet in packets { sources.count(packet) }
    }

    /// Takes in one `traffic` event: its packets are counted and queued to move on the diagram.
    package mutating func absorb(_ event: TrafficEvent) {
        omittedPackets += event.omitted
        let hosts = Set(topology?.hosts.map(\.name) ?? [])
        let internet = topology?.hosts.first { $0.role == .internet }?.name ?? "internet"
        for packet in event.packets {
            sources.count(packet)
            animation.enqueue(packet, internet: internet, hosts: hosts)
        }
    }

    /// Takes in a `sim` event's status; a reset clears what belonged to the previous run.
    package mutating func absorb(_ event: SimEvent) {
        if event.event == .reset {
            sources.removeAll()
            animation.removeAll()
            omittedPackets = 0
        }
        sim = event.status
    }

    /// Takes in a `scenario` event; a newly loaded scenario clears the previous run's counts,
    /// which would point at the previous attacker.
    package mutating func absorb(_ event: ScenarioEvent) {
        if event.event == .loaded {
            sources.removeAll()
            animation.removeAll()
            omittedPackets = 0
        }
        scenario = event.status
    }

    package mutating func advanceFrame() {
        animation.advance()
    }
}
