import Testing

@testable import SocSim

@Suite("SIEM alerts")
struct SIEMAlertTests {
    private func hit(
        _ detection: DetectionKind = .requestFlood, from source: IPv4Address = attacker, tick: Int64,
        severity: Severity = .high, evidence: [SecurityEvent] = []
    ) -> DetectionHit {
        DetectionHit(
            detection: detection, severity: severity, source: AlertSource(address: source), tick: tick, eventCount: 100,
            summary: "hit at \(tick)", evidence: evidence)
    }

    @Test("repeats within the fold window fold into one alert with a count")
    func folding() {
        var book = AlertBook(foldWindowTicks: 100)
        let symbols = SymbolTable()
        #expect(book.record(hit(tick: 0), symbols: symbols) == .opened(book.alerts[0]))
        guard case .folded(let folded) = book.record(hit(tick: 90, severity: .critical), symbols: symbols) else {
            Issue.record("expected a fold")
            return
        }
        #expect(folded.count == 2 && folded.eventCount == 200)
        #expect(folded.firstTick == 0 && folded.lastTick == 90)
        #expect(folded.severity == .critical)
        #expect(folded.summary == "hit at 90")
        // The window runs from the last hit, so a sustained attack stays one alert...
        _ = book.record(hit(tick: 180), symbols: symbols)
        #expect(book.alerts.count == 1 && book.alerts[0].count == 3)
        // ...and other sources or detections get their own.
        _ = book.record(hit(from: visitor, tick: 181), symbols: symbols)
        _ = book.record(hit(.portScan, tick: 182), symbols: symbols)
        #expect(book.alerts.count == 3)
        // After a quiet spell longer than the window, a new alert.
        guard case .opened(let reopened) = book.record(hit(tick: 400), symbols: symbols) else {
            Issue.record("expected a new alert")
            return
        }
        #expect(reopened.id == 4 && reopened.count == 1)
    }

    @Test("evidence is capped and rendered as native lines")
    func evidenceCap() {
        var factory = EventFactory()
        var book = AlertBook()
        for round in 0..<5 {
            let events = (0..<4).map { factory.web(tick: Int64(round), from: attacker, target: "/r\(round)-\($0)") }
            _ = book.record(hit(tick: Int64(round), evidence: events), symbols: factory.symbols)
        }
        let alert = book.alerts[0]
        #expect(alert.evidence.count == AlertBook.evidenceCap)
        #expect(alert.evidence.map(\.sequence) == Array(1...10))
        #expect(
            alert.evidence[0].line.hasPrefix("203.0.113.66 - - [14/May/2024:09:00:00 +0000] \"GET /r0-0 HTTP/1.1\" 200")
        )
    }

    @Test("acknowledging, listing and filtering")
    func acknowledgeAndList() throws {
        var book = AlertBook()
        let symbols = SymbolTable()
        _ = book.record(hit(tick: 10, severity: .low), symbols: symbols)
        _ = book.record(hit(.portScan, tick: 20, severity: .medium), symbols: symbols)
        _ = book.record(hit(.bruteForceLogin, tick: 30, severity: .critical), symbols: symbols)
        let acknowledged = try book.acknowledge(id: 2, by: 1000)
        #expect(acknowledged.status == .acknowledged && acknowledged.acknowledgedBy == 1000)
        #expect(throws: AlertError.notFound(9)) { try book.acknowledge(id: 9, by: nil) }
        #expect(book.list().map(\.id) == [3, 2, 1])
        #expect(book.list(sinceTick: 20).map(\.id) == [3, 2])
        #expect(book.list(minimumSeverity: .medium).map(\.id) == [3, 2])
        #expect(book.list(status: .new).map(\.id) == [3, 1])
        #expect(book.list(limit: 1).map(\.id) == [3])
        #expect(book.alert(id: 2)?.detection == .portScan)
    }

    @Test("the book keeps at most its capacity")
    func capacity() {
        var book = AlertBook(capacity: 3)
        for index in 0..<5 {
            _ = book.record(hit(from: IPv4Address(UInt32(index)), tick: Int64(index)), symbols: SymbolTable())
        }
        #expect(book.alerts.map(\.id) == [3, 4, 5])
        #expect(book.alert(id: 1) == nil)
    }
}
