/// The SOC's clocks for one incident, in ticks and milliseconds, nil until the moment exists:
/// time to detect (activity began → first alert), to contain (first alert → contained) and to
/// resolve (first alert → resolved). Hand-made incidents without alerts count from creation.
package struct IncidentMetrics: Sendable, Hashable, Codable {
    package struct Span: Sendable, Hashable, Codable {
        package var ticks: Int64
        package var milliseconds: Int64
    }

    package var timeToDetect: Span?
    package var timeToContain: Span?
    package var timeToResolve: Span?

    package init(_ incident: Incident) {
        let detected = incident.detectedAt ?? incident.createdAt
        timeToDetect = Self.span(from: incident.firstActivityAt, to: incident.detectedAt)
        timeToContain = Self.span(from: detected, to: incident.containedAt)
        timeToResolve = Self.span(from: detected, to: incident.resolvedAt)
    }

    private static func span(from start: SIEMInstant?, to end: SIEMInstant?) -> Span? {
        guard let start, let end else { return nil }
        return Span(ticks: end.tick - start.tick, milliseconds: end.epochMilliseconds - start.epochMilliseconds)
    }
}
