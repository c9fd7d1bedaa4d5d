import JSONRPC
import SocCTL
import SocProtocol
import Testing

@Suite struct EventLineTests {
    let time = LocalTime(hour: 9, minute: 5, second: 3, millisecond: 7)

    @Test func aLineIsTimeTopicAndSummaryAligned() {
        let system = EventNotification(subscription: 1, topic: .system, data: ["event": "started", "pid": 42])
        #expect(EventLine.format(system, at: time) == "09:05:03.007 system     started pid=42")
        let audit = EventNotification(subscription: 1, topic: .audit, data: "not an entry")
        #expect(EventLine.format(audit, at: time) == #"09:05:03.007 audit      "not an entry""#)
    }

    @Test func objectsBecomeKeyValuePairsLedByTheirEvent() {
        #expect(
            EventLine.summary(
                topic: .system,
                data: ["reason": "SIGTERM", "event": "stopping", "extra": ["a": 1], "note": "two words"])
                == #"stopping extra={"a":1} note="two words" reason=SIGTERM"#)
        #expect(EventLine.summary(topic: .system, data: ["b": .null, "a": ""]) == #"a="" b=null"#)
        #expect(EventLine.summary(topic: .system, data: [1, 2]) == "[1,2]")
    }

    @Test func auditEntriesReadLikeASentence() {
        let denied: JSONValue = [
            "id": 9, "at": "2026-12-04T10:00:00.000Z", "uid": 1000, "gid": 1000, "pid": 77,
            "method": "system.setLogLevel", "params": ["level": "trace"], "outcome": "denied",
            "error": ["code": -32003, "message": "uid 1000 may not change state"],
        ]
        #expect(
            EventLine.summary(topic: .audit, data: denied)
                == #"#9 system.setLogLevel denied by uid 1000 pid 77 params={"level":"trace"}: uid 1000 may not change state"#
        )
    }

    @Test func localTimeIsZeroPadded() {
        #expect(LocalTime(hour: 23, minute: 59, second: 59, millisecond: 999).description == "23:59:59.999")
        #expect(time.description == "09:05:03.007")
        let now = LocalTime.now()
        #expect((0..<24).contains(now.hour) && (0..<1000).contains(now.millisecond))
    }

    @Test func latencyIsWrittenAtAUsefulPrecision() {
        #expect(HumanFormat.latency(nanoseconds: 84_321) == "84µs")
        #expect(HumanFormat.latency(nanoseconds: 1_050_000) == "1.05ms")
        #expect(HumanFormat.latency(nanoseconds: 999_999_999) == "999.99ms")
        #expect(HumanFormat.latency(nanoseconds: 2_500_000_000) == "2.50s")
    }
}
