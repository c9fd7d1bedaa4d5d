import Glibc
import SocPOSIX
import Testing

@Suite struct TimeTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_796_395_135_123, "2026-12-04T14:38:55.123Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
    ])
    func formatAndParseRoundTrip(milliseconds: Int64, text: String) {
        #expect(ISO8601.format(milliseconds: milliseconds) == text)
        #expect(ISO8601.parse(text) == milliseconds)
    }

    @Test func roundTripOfManyInstants() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let milliseconds = Int64(state >> 22) % 253_402_300_800_000
            #expect(ISO8601.parse(ISO8601.format(milliseconds: milliseconds)) == milliseconds)
        }
    }

    @Test(arguments: [
        ("2026-12-04T14:38:55Z", Int64(1_796_395_135_000)),
        ("2026-12-04T14:38:55.1Z", 1_796_395_135_100),
        ("2026-12-04T14:38:55.123456789Z", 1_796_395_135_123),
        ("2026-12-04t14:38:55.123z", 1_796_395_135_123),
        ("2026-12-04T16:38:55.123+02:00", 1_796_395_135_123),
        ("2026-12-04T09:08:55.123-05:30", 1_796_395_135_123),
    ])
    func parseAcceptsRFC3339Variants(text: String, milliseconds: Int64) {
        #expect(ISO8601.parse(text) == milliseconds)
    }

    @Test(arguments: [
        "", "2026-12-04", "2026-12-04T14:38:55", "2026-12-04T14:38:55.Z", "2026-13-04T14:38:55Z",
        "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-12-04T24:00:00Z", "2026-12-04T14:60:00Z",
        "2026-12-04T14:38:60Z", "2026-12-04 14:38:55Z", "2026-12-04T14:38:55Zjunk", "26-12-04T14:38:55Z",
        "2026-12-04T14:38:55+0200", "2026-12-04T14:38:55+24:00", "２０２６-12-04T14:38:55Z",
    ])
    func parseRejectsMalformedText(text: String) {
        #expect(ISO8601.parse(text) == nil)
    }

    @Test func wallClockAgreesWithTime() {
        let seconds = Int64(time(nil))
        let milliseconds = WallClock.nowMilliseconds
        #expect(abs(milliseconds / 1000 - seconds) <= 1)
    }

    @Test func monotonicClockAdvancesAcrossASleep() {
        let start = MonotonicClock.now
        usleep(10_000)
        let elapsed = MonotonicClock.now - start
        #expect(elapsed >= 10_000_000)
        #expect(elapsed < 10_000_000_000)
    }
}
