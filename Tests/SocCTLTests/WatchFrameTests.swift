import JSONRPC
import SocCTL
import SocProtocol
import Testing

@Suite struct WatchFrameTests {
    static func state(solved: Bool = false) -> WatchState {
        var state = WatchState(
            topology: SimFixtures.decode(TopologyGetRequest.Result.self, SimFixtures.topology),
            sim: SimFixtures.decode(SimStatusInfo.self, SimFixtures.simStatus(solved: solved)),
            scenario: SimFixtures.decode(ScenarioStatusInfo.self, SimFixtures.scenarioStatus(solved: solved)))
        let packets = SimFixtures.packets.map { SimFixtures.decode(TrafficPacket.self, $0) }
        state.absorb(TrafficEvent(fromTick: 1234, toTick: 1235, packets: packets, omitted: 0))
        return state
    }

    @Test func aFrameAt100By30() {
        var state = Self.state()
        // Packets 1 and 2 set off in the first frame, 3 in the second. Four frames on, the attack
        // packet is on the bus with the visitor's request beneath it (red is drawn on top), and
        // the workstation's DNS query is on its way along its link.
        for _ in 0..<4 { state.advanceFrame() }
        let lines = WatchFrame.render(state, width: 100, height: 30, glyphs: .unicode, style: .plain)
        #expect(lines.count == 30)
        #expect(
            lines.joined(separator: "\n") + "\n" == """
                socd watch  |  web-flood: The website is under attack  |  tick 54, running at 10 ticks/s

                 ┌─────────────────────┐
                 │ internet            ├────────────┐
                 │ visitors, attackers │            │
                 └─────────────────────┘            ◆
                 ┌─────────────────────┐            │           ┌───────────────────┐            ┌────────────────┐
                 │ workstation-1       ├────────●───┼───────────┤ router            ├────────────┤ web-server     │
                 │ 10.0.0.21           │            │           │ 10.0.0.1          │            │ 10.0.0.10      │
                 └─────────────────────┘            │           │ firewall DNS DHCP │            │ http:80 ssh:22 │
                 ┌─────────────────────┐            │           └───────────────────┘            └────────────────┘
                 │ workstation-2       ├────────────┘
                 │ 10.0.0.22           │
                 └─────────────────────┘

                site      DOWN  server load 3.29
                verdicts  ACCEPT 3,000  DROP 120  REJECT 12
                attack    2,784 sent, 132 blocked, 2,652 got through
                top sources (packets seen)
                  ◆ 198.51.100.7                            1  attack  1 blocked
                  ● 10.0.0.21 (workstation-1)               1
                  ● 203.0.113.44                            1
                objective The web server is flooded with requests on port 80. Find where the red packets come from
                          and add the firewall rule that stops them, without cutting off the site's real visitors.
                progress  [████████░░░░░░░░░░░░]  40%  40 of 100 ticks with no attack packet through the firewall




                ◆ attack  ● legitimate  ✗ blocked by the firewall   q quits

                """)
        for line in lines { #expect(line.count <= 100) }
    }

    @Test func aDroppedPacketStopsAtTheRouterWithACross() throws {
        var state = Self.state()
        let diagram = NetworkDiagram(
            topology: try #require(state.topology), width: 98, origin: CanvasPoint(row: 2, column: 1))
        let beforeRouter = try #require(diagram.linkPaths["internet"]?.last)
        for _ in 0..<(1 + PacketFlight.framesPerHop) { state.advanceFrame() }
        let dropped = try #require(state.animation.flights.first { $0.malicious })
        #expect(dropped.blocked)
        #expect(dropped.position(in: diagram)?.point == beforeRouter)
        #expect(dropped.position(in: diagram)?.isCross == true)
        let lines = WatchFrame.render(state, width: 100, height: 30, glyphs: .unicode, style: .plain)
        #expect(Array(lines[beforeRouter.row])[beforeRouter.column] == "✗")
        // The accepted visitor's request has gone on toward the web server.
        let accepted = try #require(state.animation.flights.first { !$0.malicious && $0.destination == "web-server" })
        let toServer = try #require(diagram.linkPaths["web-server"])
        #expect(toServer.contains(try #require(accepted.position(in: diagram)).point))
        for _ in 0..<PacketFlight.framesShownBlocked { state.advanceFrame() }
        #expect(!state.animation.flights.contains { $0.malicious })
    }

    @Test func theFlagShowsOnceSolvedAndColourFollowsTheStyle() {
        let state = Self.state(solved: true)
        let plain = WatchFrame.render(state, width: 100, height: 30, glyphs: .ascii, style: .plain)
        #expect(plain.contains("flag      SOC{2f9c4e1ab7d05e3c}  solved"))
        #expect(!plain.joined().contains("\u{1B}"))
        let colored = WatchFrame.render(state, width: 100, height: 30, glyphs: .ascii, style: Style(isEnabled: true))
        #expect(colored.contains("\u{1B}[32mflag      SOC{2f9c4e1ab7d05e3c}  solved\u{1B}[0m"))
        #expect(colored.contains { $0.contains("\u{1B}[31msite      DOWN") })
    }

    @Test func aSmallTerminalDropsTheDiagramButKeepsTheStatus() {
        let lines = WatchFrame.render(Self.state(), width: 60, height: 16, glyphs: .ascii, style: .plain)
        #expect(lines.count == 16)
        #expect(!lines.contains { $0.contains("router") })
        #expect(lines.contains { $0.hasPrefix("site      DOWN") })
        #expect(lines.contains { $0.hasPrefix("progress  [") })
        for line in lines { #expect(line.count <= 60) }
    }

    @Test func thePainterRewritesOnlyChangedLines() {
        var painter = ScreenPainter()
        let first = String(decoding: painter.update(to: ["a", "b", "c"]), as: UTF8.self)
        #expect(
            first
                == "\u{1B}[H\u{1B}[2J\u{1B}[1;1Ha\u{1B}[0m\u{1B}[K\u{1B}[2;1Hb\u{1B}[0m\u{1B}[K\u{1B}[3;1Hc\u{1B}[0m\u{1B}[K"
        )
        let second = String(decoding: painter.update(to: ["a", "B", "c"]), as: UTF8.self)
        #expect(second == "\u{1B}[2;1HB\u{1B}[0m\u{1B}[K")
        #expect(painter.update(to: ["a", "B", "c"]).isEmpty)
        painter.invalidate()
        #expect(String(decoding: painter.update(to: ["a"]), as: UTF8.self).hasPrefix("\u{1B}[H\u{1B}[2J"))
    }

    @Test func thePlainStatusLine() {
        let sim = SimFixtures.decode(SimStatusInfo.self, SimFixtures.simStatus())
        let scenario = SimFixtures.decode(ScenarioStatusInfo.self, SimFixtures.scenarioStatus(solved: true))
        #expect(
            WatchStatusLine.format(sim: sim, scenario: scenario)
                == "09:00:05 tick 54 running  site down  load 3.29  packets 3,132 accepted 3,000 dropped 120 rejected 12  attack 2,784 sent 132 blocked  progress 100%  solved  flag SOC{2f9c4e1ab7d05e3c}"
        )
    }

    @Test func aLostScenarioShowsInTheFrameAndTheStatusLine() {
        var state = Self.state()
        state.scenario = SimFixtures.decode(ScenarioStatusInfo.self, SimFixtures.compromisedStatus)
        let lines = WatchFrame.render(state, width: 100, height: 30, glyphs: .ascii, style: .plain)
        #expect(
            lines.contains {
                $0.hasPrefix("progress  [--------------------]   0%  lost: the attacker got in at tick 1834")
            })
        #expect(
            lines.contains { $0.hasPrefix("lost      the attacker logged in to web-server over SSH as deploy; reload") }
        )
        let sim = SimFixtures.decode(SimStatusInfo.self, SimFixtures.simStatus())
        #expect(
            WatchStatusLine.format(sim: sim, scenario: state.scenario).hasSuffix(
                "  progress 0%  compromised at tick 1834"))
    }

    @Test func glyphsFollowTheLocale() {
        #expect(DrawingGlyphs.choose(environment: ["LANG": "en_US.UTF-8"], forceASCII: false) == .unicode)
        #expect(DrawingGlyphs.choose(environment: ["LANG": "en_US.UTF-8"], forceASCII: true) == .ascii)
        #expect(DrawingGlyphs.choose(environment: ["LC_ALL": "C", "LANG": "en_US.UTF-8"], forceASCII: false) == .ascii)
        #expect(
            DrawingGlyphs.choose(environment: ["LC_ALL": "", "LC_CTYPE": "de_DE.utf8"], forceASCII: false) == .unicode)
        #expect(DrawingGlyphs.choose(environment: [:], forceASCII: false) == .ascii)
    }
}
