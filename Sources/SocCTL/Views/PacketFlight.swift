/// A packet the watch view is moving along the diagram: from its source's box to the router,
/// then on to its destination's, or stopped at the router with a cross when the firewall
/// dropped or rejected it.
package struct PacketFlight: Sendable, Hashable {
    /// Frames from one box to the router, and from the router to the next box.
    package static let framesPerHop = 6
    /// How long a blocked packet's cross stays at the router.
    package static let framesShownBlocked = 4

    package var source: String
    package var destination: String
    package var malicious: Bool
    package var blocked: Bool
    /// Frames since it set off.
    package var age = 0

    package init(source: String, destination: String, malicious: Bool, blocked: Bool) {
        self.source = source
        self.destination = destination
        self.malicious = malicious
        self.blocked = blocked
    }

    /// Whether it has arrived (or its cross has been shown long enough).
    package var isFinished: Bool {
        age >= (blocked ? Self.framesPerHop + Self.framesShownBlocked : 2 * Self.framesPerHop)
    }

    /// Where it is drawn now, and with which mark; `nil` when it is between cells it can be
    /// drawn in (a hop with no path, such as from the router itself).
    package func position(in diagram: NetworkDiagram) -> (point: CanvasPoint, isCross: Bool)? {
        let router = diagram.router
        let outbound = source == router ? [] : diagram.linkPaths[source] ?? []
        let inbound = destination == router ? [] : Array((diagram.linkPaths[destination] ?? []).reversed())
        if age < Self.framesPerHop {
            guard !outbound.isEmpty else { return nil }
            return (outbound[age * outbound.count / Self.framesPerHop], false)
        }
        if blocked {
            guard let last = outbound.last else { return nil }
            return (last, true)
        }
        let step = age - Self.framesPerHop
        guard !inbound.isEmpty, step < Self.framesPerHop else { return nil }
        return (inbound[step * inbound.count / Self.framesPerHop], false)
    }
}
