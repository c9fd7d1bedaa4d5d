import SocProtocol

/// The packets in flight in the watch view. socd publishes a sample of up to 200 packets a
/// second; drawing them all would fill the links with dots, so a few set off each frame from a
/// short queue of the newest, and older waiting ones are let go.
package struct PacketAnimation: Sendable, Hashable {
    /// How many packets set off each frame.
    package static let launchesPerFrame = 2
    /// The most packets waiting to set off; at 10 frames a second, a second and a half.
    package static let queueLimit = 30

    package private(set) var waiting: [PacketFlight] = []
    package private(set) var flights: [PacketFlight] = []

    package init() {}

    /// Queues `packet` to be drawn; `internet` is the host that stands for addresses outside
    /// the network.
    package mutating func enqueue(_ packet: TrafficPacket, internet: String, hosts: Set<String>) {
        func place(_ name: String?) -> String { name.flatMap { hosts.contains($0) ? $0 : nil } ?? internet }
        waiting.append(
            PacketFlight(
                source: place(packet.srcHost), destination: place(packet.dstHost), malicious: packet.malicious,
                blocked: packet.verdict != "ACCEPT"))
        if waiting.count > Self.queueLimit { waiting.removeFirst(waiting.count - Self.queueLimit) }
    }

    /// One frame on: every packet moves a step, arrived ones leave, new ones set off.
    package mutating func advance() {
        for index in flights.indices { flights[index].age += 1 }
        flights.removeAll { $0.isFinished }
        let launching = min(Self.launchesPerFrame, waiting.count)
        flights += waiting.prefix(launching)
        waiting.removeFirst(launching)
    }

    package mutating func removeAll() {
        waiting.removeAll()
        flights.removeAll()
    }
}
