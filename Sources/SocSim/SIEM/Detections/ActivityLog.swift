/// When each source that a detection has fired on last did what the detection looks for. The
/// incident policy reads it to decide containment: an incident is contained once its source has
/// been quiet for a window. Only sources that fired are tracked, and stale ones are swept.
package struct ActivityLog: Sendable {
    package struct Key: Sendable, Hashable {
        package var detection: DetectionKind
        package var source: AlertSource

        package init(detection: DetectionKind, source: AlertSource) {
            self.detection = detection
            self.source = source
        }
    }

    private(set) var lastTicks: [Key: Int64] = [:]

    package init() {}

    @inline(__always)
    mutating func record(_ detection: DetectionKind, _ source: AlertSource, tick: Int64) {
        lastTicks[Key(detection: detection, source: source)] = tick
    }

    package func lastTick(_ detection: DetectionKind, _ source: AlertSource) -> Int64? {
        lastTicks[Key(detection: detection, source: source)]
    }

    /// Forgets sources quiet since before `tick`.
    mutating func sweep(before tick: Int64) {
        lastTicks = lastTicks.filter { $0.value >= tick }
    }

    package var count: Int { lastTicks.count }
}
