/// The web server under load: it answers up to `capacityPerTick` requests a tick and refuses the
/// rest with 503, spreading refusals evenly over the tick's arrivals (see `Admission`), so an
/// attack that gets through degrades every visitor's experience in proportion to its size.
package struct WebServerModel: Sendable, Hashable, Codable {
    package var capacityPerTick: Int
    package private(set) var lastArrivals = 0
    package private(set) var lastServed = 0
    /// Arrivals as a multiple of capacity, smoothed over about ten ticks: 1 is saturated.
    package private(set) var load = 0.0

    package init(capacityPerTick: Int) {
        precondition(capacityPerTick > 0, "a server must answer something")
        self.capacityPerTick = capacityPerTick
    }

    /// Decides, request by request, which of a tick's `arrivals` the server answers: the i-th is
    /// answered when ⌊(i+1)·C/N⌋ > ⌊i·C/N⌋, which admits exactly min(C, N) spread evenly without
    /// drawing randomness (so the traffic's random stream never depends on the firewall).
    package struct Admission: Sendable {
        let capacity: Int
        let arrivals: Int
        private var seen = 0

        package init(capacity: Int, arrivals: Int) {
            self.capacity = capacity
            self.arrivals = arrivals
        }

        @inline(__always)
        package mutating func admitNext() -> Bool {
            guard arrivals > capacity else { return true }
            let before = seen * capacity / arrivals
            seen += 1
            return seen * capacity / arrivals > before
        }
    }

    package func admission(arrivals: Int) -> Admission { Admission(capacity: capacityPerTick, arrivals: arrivals) }

    /// What the site answers when it has capacity for the request.
    package func response(to request: HTTPRequest) -> (statusCode: Int, bodyBytes: Int) {
        if let valid = request.credentialsValid {
            return valid ? (302, WebCatalog.redirectBytes) : (401, WebCatalog.unauthorizedBytes)
        }
        let bytes =
            if let mark = request.path.firstIndex(of: "?") {
                WebCatalog.pageBytes[String(request.path[..<mark])]
            } else {
                WebCatalog.pageBytes[request.path]
            }
        guard let bytes else { return (404, WebCatalog.notFoundBytes) }
        return (200, request.method == .head ? 0 : bytes)
    }

    package static let overloadedResponse = (statusCode: 503, bodyBytes: WebCatalog.serviceUnavailableBytes)

    package mutating func finishTick(arrivals: Int, served: Int) {
        lastArrivals = arrivals
        lastServed = served
        load += (Double(arrivals) / Double(capacityPerTick) - load) * 0.2
    }
}
