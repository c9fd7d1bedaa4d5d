/// The alerts raised so far, newest last, and the folding that keeps a sustained attack to one
/// alert: a hit for the same detection and source within `foldWindowTicks` of that alert's last
/// hit is added to it (count, event count, severity, evidence up to the cap) instead of opening
/// another. Holds at most `capacity` alerts; the oldest go first.
package struct AlertBook: Sendable {
    package static let evidenceCap = 10

    package var foldWindowTicks: Int64
    package let capacity: Int
    package private(set) var alerts: [Alert] = []
    package private(set) var nextID: Int64
    /// The foldable alert of each (detection, source): its id.
    private var open: [ActivityLog.Key: Int64] = [:]

    package init(foldWindowTicks: Int64 = 600, capacity: Int = 10_000, nextID: Int64 = 1) {
        precondition(foldWindowTicks > 0 && capacity > 0, "fold window and capacity must be positive")
        self.foldWindowTicks = foldWindowTicks
        self.capacity = capacity
        self.nextID = nextID
    }

    /// Opens an alert for `hit` or folds it into the matching one.
    package mutating func record(_ hit: DetectionHit, symbols: SymbolTable) -> AlertChange {
        let key = ActivityLog.Key(detection: hit.detection, source: hit.source)
        if let id = open[key], let index = position(of: id), hit.tick - alerts[index].lastTick <= foldWindowTicks {
            var alert = alerts[index]
            alert.lastTick = hit.tick
            alert.count += 1
            alert.eventCount += hit.eventCount
            alert.severity = max(alert.severity, hit.severity)
            alert.summary = hit.summary
            for event in hit.evidence.prefix(Self.evidenceCap - alert.evidence.count) {
                alert.evidence.append(EvidenceItem(event, symbols: symbols))
            }
            alerts[index] = alert
            return .folded(alert)
        }
        let descriptor = hit.detection.descriptor
        let alert = Alert(
            id: nextID, detection: hit.detection, title: descriptor.title, severity: hit.severity,
            technique: descriptor.technique, source: hit.source, firstTick: hit.tick, lastTick: hit.tick, count: 1,
            eventCount: hit.eventCount, summary: hit.summary,
            evidence: hit.evidence.prefix(Self.evidenceCap).map { EvidenceItem($0, symbols: symbols) })
        nextID += 1
        alerts.append(alert)
        open[key] = alert.id
        if alerts.count > capacity {
            let dropped = alerts.removeFirst()
            let droppedKey = ActivityLog.Key(detection: dropped.detection, source: dropped.source)
            if open[droppedKey] == dropped.id { open[droppedKey] = nil }
        }
        return .opened(alert)
    }

    /// Alerts are appended with increasing ids, so an id is found by binary search.
    private func position(of id: Int64) -> Int? {
        var low = 0
        var high = alerts.count
        while low < high {
            let middle = (low + high) / 2
            if alerts[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low < alerts.count && alerts[low].id == id ? low : nil
    }

    package func alert(id: Int64) -> Alert? { position(of: id).map { alerts[$0] } }

    /// `alerts.ack`.
    @discardableResult
    package mutating func acknowledge(id: Int64, by uid: UInt32?) throws(AlertError) -> Alert {
        guard let index = position(of: id) else { throw .notFound(id) }
        alerts[index].status = .acknowledged
        alerts[index].acknowledgedBy = uid
        return alerts[index]
    }

    /// `alerts.list`: alerts last seen at or after `sinceTick`, of at least `minimumSeverity`,
    /// with `status`, newest first, at most `limit`.
    package func list(
        sinceTick: Int64? = nil, minimumSeverity: Severity? = nil, status: Alert.Status? = nil, limit: Int = .max
    ) -> [Alert] {
        var result: [Alert] = []
        for alert in alerts.reversed() {
            if result.count >= limit { break }
            if let sinceTick, alert.lastTick < sinceTick { continue }
            if let minimumSeverity, alert.severity < minimumSeverity { continue }
            if let status, alert.status != status { continue }
            result.append(alert)
        }
        return result
    }
}
