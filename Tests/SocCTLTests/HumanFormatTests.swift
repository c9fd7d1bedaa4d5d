import SocCTL
import Testing

@Suite struct HumanFormatTests {
    @Test func durations() {
        #expect(HumanFormat.duration(.zero) == "0s")
        #expect(HumanFormat.duration(.milliseconds(350)) == "350ms")
        #expect(HumanFormat.duration(.seconds(45)) == "45s")
        #expect(HumanFormat.duration(.seconds(245)) == "4m 5s")
        #expect(HumanFormat.duration(.seconds(3840)) == "1h 4m")
        #expect(HumanFormat.duration(.seconds(3600)) == "1h")
        #expect(HumanFormat.duration(.seconds(3601)) == "1h")
        #expect(HumanFormat.duration(.seconds(2 * 86_400 + 3 * 3600 + 59)) == "2d 3h")
        #expect(HumanFormat.duration(.seconds(-90)) == "-1m 30s")
    }

    @Test func relativeTimes() {
        #expect(HumanFormat.relative(.seconds(-180)) == "3m ago")
        #expect(HumanFormat.relative(.seconds(7200)) == "in 2h")
        #expect(HumanFormat.relative(.seconds(7199)) == "in 1h")
        #expect(HumanFormat.relative(.seconds(-5)) == "5s ago")
        #expect(HumanFormat.relative(.seconds(-3 * 86_400)) == "3d ago")
        #expect(HumanFormat.relative(.milliseconds(400)) == "now")
        #expect(HumanFormat.relative(1_000_000 - 240, now: 1_000_000) == "4m ago")
        #expect(HumanFormat.relative(1_000_060.2, now: 1_000_000) == "in 1m")
    }

    @Test func byteCounts() {
        #expect(HumanFormat.bytes(0) == "0 B")
        #expect(HumanFormat.bytes(1023) == "1023 B")
        #expect(HumanFormat.bytes(1024) == "1.0 KiB")
        #expect(HumanFormat.bytes(1536) == "1.5 KiB")
        #expect(HumanFormat.bytes(10 * 1024) == "10 KiB")
        #expect(HumanFormat.bytes(1024 * 1024 - 1) == "1.0 MiB")
        #expect(HumanFormat.bytes(5 * 1024 * 1024 * 1024) == "5.0 GiB")
        #expect(HumanFormat.bytes(300 * 1024 * 1024) == "300 MiB")
        #expect(HumanFormat.bytes(.max) == "8.0 EiB")
    }
}
