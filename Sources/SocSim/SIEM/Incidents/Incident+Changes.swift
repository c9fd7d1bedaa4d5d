/// Every change to an incident, each recorded in its timeline with who made it.
extension Incident {
    /// An ordinary status move; closed incidents need `reopen`.
    package mutating func move(
        to target: IncidentStatus, by actorUID: UInt32?, at instant: SIEMInstant, note: String? = nil
    )
        throws(IncidentError)
    {
        guard status.allowedMoves.contains(target) else {
            throw .invalidTransition(id: id, from: status, to: target)
        }
        let previous = status
        status = target
        statusSince = instant
        if target == .contained && containedAt == nil { containedAt = instant }
        if target == .resolved { resolvedAt = instant }
        let suffix = note.map { ": \($0)" } ?? ""
        record(.statusChanged, "\(previous.rawValue) → \(target.rawValue)\(suffix)", actorUID, instant)
    }

    /// Brings a closed incident back to `investigating`.
    package mutating func reopen(
        by actorUID: UInt32?, at instant: SIEMInstant, reason: String? = nil
    )
        throws(IncidentError)
    {
        guard status.isClosed else { throw .notClosed(id: id, status: status) }
        let previous = status
        status = .investigating
        statusSince = instant
        resolvedAt = nil
        let suffix = reason.map { ": \($0)" } ?? ""
        record(.reopened, "reopened from \(previous.rawValue)\(suffix)", actorUID, instant)
    }

    package mutating func addNote(_ text: String, by actorUID: UInt32?, at instant: SIEMInstant) throws(IncidentError) {
        guard !text.allSatisfy(\.isWhitespace) else { throw .invalidField("note", "must not be empty") }
        record(.note, text, actorUID, instant)
    }

    package mutating func assign(to assignee: String?, by actorUID: UInt32?, at instant: SIEMInstant) {
        guard assignee != self.assignee else { return }
        self.assignee = assignee
        record(.assigned, assignee.map { "assigned to \($0)" } ?? "unassigned", actorUID, instant)
    }

    package mutating func changeSeverity(to severity: Severity, by actorUID: UInt32?, at instant: SIEMInstant) {
        guard severity != self.severity else { return }
        let previous = self.severity
        self.severity = severity
        record(.severityChanged, "severity \(previous.rawValue) → \(severity.rawValue)", actorUID, instant)
    }

    /// Tags are trimmed, non-empty, at most 64 characters, without commas (CSV exports split on them).
    package mutating func addTag(_ tag: String, by actorUID: UInt32?, at instant: SIEMInstant) throws(IncidentError) {
        let trimmed = String(tag.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
        guard !trimmed.isEmpty, trimmed.count <= 64, !trimmed.contains(",") else {
            throw .invalidField("tag", "'\(tag)' must be 1-64 characters without commas")
        }
        guard !tags.contains(trimmed) else { return }
        tags.append(trimmed)
        record(.tagged, "tagged \(trimmed)", actorUID, instant)
    }

    package mutating func addObservable(_ observable: Observable, by actorUID: UInt32?, at instant: SIEMInstant) {
        guard !observables.contains(observable) else { return }
        observables.append(observable)
        record(.observableAdded, "observable \(observable)", actorUID, instant)
    }

    /// Links an alert; the first one sets when the incident was detected and when activity began.
    package mutating func linkAlert(
        _ alert: Alert, clock: SimulationClock, by actorUID: UInt32?, at instant: SIEMInstant
    ) {
        guard !alertIDs.contains(alert.id) else { return }
        alertIDs.append(alert.id)
        let firstTick = alert.evidence.first?.tick ?? alert.firstTick
        let first = SIEMInstant(tick: firstTick, epochMilliseconds: clock.epochMilliseconds(atTick: firstTick))
        if firstActivityAt.map({ first.tick < $0.tick }) ?? true { firstActivityAt = first }
        let detected = SIEMInstant(
            tick: alert.firstTick, epochMilliseconds: clock.epochMilliseconds(atTick: alert.firstTick))
        if detectedAt.map({ detected.tick < $0.tick }) ?? true { detectedAt = detected }
        if alert.severity > severity { severity = alert.severity }
        record(.alertLinked, "alert \(alert.id): \(alert.summary)", actorUID, instant)
    }

    package mutating func linkRule(_ ruleID: Int64, by actorUID: UInt32?, at instant: SIEMInstant, text: String? = nil)
    {
        guard !ruleIDs.contains(ruleID) else { return }
        ruleIDs.append(ruleID)
        record(.ruleLinked, text ?? "firewall rule \(ruleID) linked", actorUID, instant)
    }

    private mutating func record(_ kind: TimelineEntry.Kind, _ text: String, _ actorUID: UInt32?, _ at: SIEMInstant) {
        timeline.append(TimelineEntry(kind: kind, text: text, actorUID: actorUID, at: at))
    }
}
