import Testing

@testable import SocSim

@Suite("SIEM incidents")
struct SIEMIncidentTests {
    private func instant(_ tick: Int64) -> SIEMInstant {
        SIEMInstant(tick: tick, epochMilliseconds: SimulationClock.standard.epochMilliseconds(atTick: tick))
    }

    private func incident(in status: IncidentStatus, id: Int64 = 3) throws -> Incident {
        var incident = try Incident(id: id, title: "Flood", severity: .high, createdBy: 0, at: instant(0))
        let path: [IncidentStatus] =
            switch status {
            case .new: []
            case .investigating: [.investigating]
            case .contained: [.investigating, .contained]
            case .resolved: [.investigating, .contained, .resolved]
            case .falsePositive: [.falsePositive]
            case .duplicate: [.duplicate]
            }
        for (offset, step) in path.enumerated() { try incident.move(to: step, by: 0, at: instant(Int64(offset + 1))) }
        return incident
    }

    private static let allowed: Set<[IncidentStatus]> = [
        [.new, .investigating], [.new, .contained], [.new, .falsePositive], [.new, .duplicate],
        [.investigating, .contained], [.investigating, .resolved], [.investigating, .falsePositive],
        [.investigating, .duplicate], [.contained, .investigating], [.contained, .resolved],
    ]

    @Test("every status move is allowed or refused as the state machine says", arguments: IncidentStatus.allCases)
    func stateMachine(from: IncidentStatus) throws {
        for to in IncidentStatus.allCases {
            var subject = try incident(in: from)
            if Self.allowed.contains([from, to]) {
                try subject.move(to: to, by: 1000, at: instant(50))
                #expect(subject.status == to)
                #expect(subject.statusSince.tick == 50)
                #expect(subject.timeline.last?.kind == .statusChanged)
                #expect(subject.timeline.last?.text == "\(from.rawValue) → \(to.rawValue)")
                #expect(subject.timeline.last?.actorUID == 1000)
            } else {
                let error = #expect(throws: IncidentError.self) { try subject.move(to: to, by: 1000, at: instant(50)) }
                #expect(error?.kind == .invalidTransition)
                #expect(subject.status == from)
                let expected =
                    from == to
                    ? "incident 3 is already \(from.rawValue)"
                    : from.isClosed
                        ? "cannot move incident 3 from \(from.rawValue) to \(to.rawValue); use reopen"
                        : "cannot move incident 3 from \(from.rawValue) to \(to.rawValue); allowed: "
                            + from.allowedMoves.map(\.rawValue).joined(separator: ", ")
                #expect(error?.message == expected)
            }
        }
    }

    @Test("the brief's example message")
    func resolvedToNew() throws {
        var subject = try incident(in: .resolved)
        let error = #expect(throws: IncidentError.self) { try subject.move(to: .new, by: nil, at: instant(9)) }
        #expect(error?.message == "cannot move incident 3 from resolved to new; use reopen")
    }

    @Test("reopen brings closed incidents back to investigating, and only those", arguments: IncidentStatus.allCases)
    func reopen(from: IncidentStatus) throws {
        var subject = try incident(in: from)
        if from.isClosed {
            try subject.reopen(by: 1000, at: instant(70), reason: "attack resumed")
            #expect(subject.status == .investigating)
            #expect(subject.resolvedAt == nil)
            #expect(subject.timeline.last?.text == "reopened from \(from.rawValue): attack resumed")
        } else {
            let error = #expect(throws: IncidentError.self) { try subject.reopen(by: nil, at: instant(70)) }
            #expect(
                error?.message
                    == "cannot reopen incident 3: it is \(from.rawValue), not resolved, falsePositive or duplicate")
        }
    }

    @Test("notes, tags, assignee, observables and links are recorded in the timeline")
    func changes() throws {
        var subject = try incident(in: .new)
        try subject.addNote("blocked at the edge", by: 1000, at: instant(5))
        #expect(throws: IncidentError.invalidField("note", "must not be empty")) {
            try subject.addNote("  ", by: 1000, at: instant(5))
        }
        try subject.addTag(" ddos ", by: 1000, at: instant(6))
        try subject.addTag("ddos", by: 1000, at: instant(6))
        #expect(throws: IncidentError.self) { try subject.addTag("a,b", by: 1000, at: instant(6)) }
        subject.assign(to: "alice", by: 1000, at: instant(7))
        subject.addObservable(try Observable(kind: .ip, value: "203.0.113.66"), by: 1000, at: instant(8))
        subject.addObservable(.address(attacker), by: 1000, at: instant(8))
        subject.linkRule(12, by: 1000, at: instant(9))
        #expect(subject.tags == ["ddos"])
        #expect(subject.assignee == "alice")
        #expect(subject.observables.count == 1)
        #expect(subject.ruleIDs == [12])
        #expect(
            subject.timeline.map(\.kind) == [.created, .note, .tagged, .assigned, .observableAdded, .ruleLinked])
        #expect(throws: IncidentError.invalidField("title", "must not be empty")) {
            try Incident(id: 1, title: " ", severity: .low, createdBy: nil, at: instant(0))
        }
    }

    @Test("observables are validated and canonical")
    func observables() throws {
        #expect(try Observable(kind: .mac, value: "52-54-00-AB-CD-EF").value == "52:54:00:ab:cd:ef")
        #expect(try Observable(kind: .cidr, value: "10.0.0.7/24").value == "10.0.0.0/24")
        #expect(try Observable(kind: .domain, value: "Evil.Example.").value == "evil.example")
        #expect(
            try Observable(kind: .url, value: "HTTP://Evil.Example/Path?q=1").value == "http://evil.example/Path?q=1")
        let hash = String(repeating: "A", count: 64)
        #expect(try Observable(kind: .sha256, value: hash).value == hash.lowercased())
        for (kind, value) in [
            (Observable.Kind.ip, "10.0.0.256"), (.cidr, "10.0.0.0/33"), (.cidr, "10.0.0.1"), (.domain, "localhost"),
            (.domain, "-bad.example"), (.mac, "52:54:00"), (.url, "javascript:alert(1)"), (.sha256, "abc"),
        ] {
            let error = #expect(throws: IncidentError.self) { try Observable(kind: kind, value: value) }
            #expect(error?.message == "observable: '\(value)' is not a valid \(kind.rawValue)")
        }
    }

    @Test("incidents round-trip through Codable with stable field names")
    func codable() throws {
        var subject = try incident(in: .contained)
        subject.addObservable(.mac(MACAddress(0xB827_EB00_0001)), by: nil, at: instant(3))
        let encoded = try JSONTestCoding.encode(subject)
        #expect(try JSONTestCoding.decode(Incident.self, from: encoded) == subject)
        for name in [
            "\"alertIDs\"", "\"ruleIDs\"", "\"timeline\"", "\"statusSince\"", "\"containedAt\"", "\"observables\"",
        ] {
            #expect(encoded.contains(name))
        }
    }

    @Test("policy: alerts open incidents by detection and source, repeats join, low severity is ignored")
    func grouping() throws {
        var book = IncidentBook()
        var alerts = AlertBook(foldWindowTicks: 10)
        let symbols = SymbolTable()
        func hit(
            _ detection: DetectionKind, _ source: IPv4Address, _ tick: Int64, _ severity: Severity = .high
        )
            -> AlertChange
        {
            alerts.record(
                DetectionHit(
                    detection: detection, severity: severity, source: AlertSource(address: source), tick: tick,
                    eventCount: 1, summary: "s", evidence: []), symbols: symbols)
        }
        let first = book.handle(hit(.requestFlood, attacker, 0), at: instant(0))
        #expect(first?.id == 1 && first?.alertIDs == [1])
        #expect(first?.title == "Request flood on a web service from 203.0.113.66")
        #expect(first?.observables == [.address(attacker)])
        // A fold of the same alert changes nothing; a new alert after the fold window joins.
        #expect(book.handle(hit(.requestFlood, attacker, 5), at: instant(5)) == nil)
        #expect(book.incident(id: 1)?.alertIDs == [1])
        #expect(book.handle(hit(.requestFlood, attacker, 100), at: instant(100))?.alertIDs == [1, 2])
        #expect(book.handle(hit(.portScan, attacker, 100), at: instant(100))?.id == 2)
        #expect(book.handle(hit(.requestFlood, visitor, 100), at: instant(100))?.id == 3)
        #expect(book.handle(hit(.requestFlood, workstation, 100, .low), at: instant(100)) == nil)
        // Once closed, the group's next alert opens a new incident.
        try book.update(id: 1) { incident throws(IncidentError) in
            try incident.move(to: .falsePositive, by: 1000, at: instant(101))
        }
        #expect(book.handle(hit(.requestFlood, attacker, 300), at: instant(300))?.id == 4)
        #expect(throws: IncidentError.notFound(42)) { try book.update(id: 42) { _ in } }
    }

    @Test("a book loaded from stored incidents continues their ids; a made incident is kept only when stored")
    func loadedBook() throws {
        let stored = try [7, 3].map { id in
            try Incident(
                id: Int64(id), title: "stored \(id)", description: "", severity: .medium, createdBy: 0, at: instant(0))
        }
        var book = IncidentBook(incidents: stored)
        #expect(book.incidents.map(\.id) == [3, 7])
        #expect(book.nextID == 8)
        let made = try book.makeIncident(title: "by hand", severity: .high, by: 1000, at: instant(5))
        #expect(made.id == 8)
        #expect(book.incident(id: 8) == nil, "not kept until stored (the daemon persists it first)")
        #expect(try book.makeIncident(title: "again", severity: .low, by: 1000, at: instant(5)).id == 8)
        book.store(made)
        #expect(book.incidents.map(\.id) == [3, 7, 8])
        #expect(book.nextID == 9)
        var changed = made
        changed.description = "edited"
        book.store(changed)
        #expect(book.incidents.count == 3 && book.incident(id: 8)?.description == "edited")
    }

    @Test("the room: the flood opens an incident; blocking the attacker contains it; the learner resolves it")
    func roomScenario() throws {
        var run = try MonitoredSimulation(seed: 21)
        var filter = BlockListFilter()
        run.run(ticks: 200, filter: &filter)
        #expect(run.incidents.incidents.count == 1)
        let opened = try #require(run.incidents.incidents.first)
        let attackerAddress = run.simulation.initialAttackerAddresses[0]
        #expect(opened.group == Incident.Group(detection: .requestFlood, source: AlertSource(address: attackerAddress)))
        #expect(opened.status == .new)
        #expect(opened.metrics.timeToDetect.map { $0.ticks >= 0 && $0.ticks < 50 } == true)

        filter.add(source: .host(attackerAddress), destination: server, destinationPort: 80)
        let blockedAt = run.simulation.tick
        run.run(ticks: 50, filter: &filter)
        #expect(run.incidents.incidents[0].status == .new, "not yet quiet for the whole window")
        run.run(ticks: 100, filter: &filter)
        let contained = run.incidents.incidents[0]
        #expect(contained.status == .contained)
        let containedTick = try #require(contained.containedAt?.tick)
        #expect(containedTick - blockedAt >= 100 && containedTick - blockedAt <= 120)
        #expect(contained.timeline.last?.actorUID == nil)
        #expect(contained.metrics.timeToContain != nil)

        let resolved = try run.incidents.update(id: contained.id) { incident throws(IncidentError) in
            try incident.addNote("attacker blocked on port 80", by: 1000, at: instant(containedTick + 5))
            try incident.move(to: .resolved, by: 1000, at: instant(containedTick + 5))
        }
        #expect(resolved.metrics.timeToResolve.map { $0.ticks > 0 } == true)
        #expect(run.incidents.incidents.count == 1)
    }

    @Test("a paused attacker is not contained; a contained source that resumes is investigated again")
    func containmentNeedsBlocking() throws {
        let policy = IncidentPolicy(containmentQuietTicks: 100)
        var subject = try Incident(
            id: 1, title: "t", severity: .high,
            group: Incident.Group(detection: .requestFlood, source: AlertSource(address: attacker)), createdBy: nil,
            at: instant(0))
        #expect(policy.automaticMove(for: subject, lastActivityTick: 50, lastBlockedTick: nil, now: 500) == nil)
        #expect(policy.automaticMove(for: subject, lastActivityTick: 50, lastBlockedTick: 60, now: 120) == nil)
        #expect(policy.automaticMove(for: subject, lastActivityTick: 50, lastBlockedTick: 60, now: 150) == .contained)
        subject.linkRule(4, by: 0, at: instant(10))
        #expect(policy.automaticMove(for: subject, lastActivityTick: 50, lastBlockedTick: nil, now: 150) == .contained)
        try subject.move(to: .contained, by: nil, at: instant(150))
        #expect(policy.automaticMove(for: subject, lastActivityTick: 140, lastBlockedTick: nil, now: 200) == nil)
        #expect(
            policy.automaticMove(for: subject, lastActivityTick: 160, lastBlockedTick: nil, now: 200) == .investigating)
        let manual = try Incident(id: 2, title: "by hand", severity: .low, createdBy: 0, at: instant(0))
        #expect(policy.automaticMove(for: manual, lastActivityTick: nil, lastBlockedTick: nil, now: 10_000) == nil)
    }
}
