import SocProtocol

/// One frame of `socctl watch`: a pure function of the state and the terminal's size, so that
/// it can be tested line by line. Exactly `height` lines come back, none wider than `width`.
///
/// From the top: a title line, the diagram with the packets in flight, the site's health and
/// the verdict counters, the top sources, the objective with its progress, the flag once
/// solved, and a legend with the key that quits.
package enum WatchFrame {
    /// The diagram is left out when fewer rows than this remain for the text below it.
    static let rowsBelowDiagram = 10

    package static func render(
        _ state: WatchState, width: Int, height: Int, glyphs: DrawingGlyphs, style: Style
    ) -> [String] {
        guard width > 0, height > 0 else { return Array(repeating: "", count: max(0, height)) }
        var canvas = Canvas(width: width, height: height)
        var row = 0
        canvas.write(title(state), at: CanvasPoint(row: row, column: 0), color: .bold)
        row += 2

        if let topology = state.topology {
            let diagram = NetworkDiagram(topology: topology, width: width - 2, origin: CanvasPoint(row: row, column: 1))
            if row + diagram.height + rowsBelowDiagram <= height {
                var colors: [String: CanvasColor] = [:]
                if let health = state.sim?.siteHealth, let server = topology.hosts.first(where: { $0.role == .server })
                {
                    colors[server.name] = healthColor(health)
                }
                diagram.draw(into: &canvas, glyphs: glyphs, borderColors: colors)
                drawPackets(state.animation, diagram: diagram, on: &canvas, glyphs: glyphs)
                row += diagram.height + 1
            }
        }

        var lines: [(String, CanvasColor)] = []
        if let sim = state.sim {
            lines.append(
                (
                    "site      \(healthWord(sim.siteHealth))  server load \(SimStatusText.decimal(sim.serverLoad, places: 2))",
                    healthColor(sim.siteHealth)
                ))
            let counters = sim.counters
            lines.append(
                (
                    "verdicts  ACCEPT \(HumanFormat.grouped(counters.accepted))  DROP \(HumanFormat.grouped(counters.dropped))"
                        + "  REJECT \(HumanFormat.grouped(counters.rejected))", .plain
                ))
            lines.append(
                (
                    "attack    \(HumanFormat.grouped(counters.maliciousPackets)) sent, "
                        + "\(HumanFormat.grouped(counters.maliciousBlocked)) blocked, "
                        + "\(HumanFormat.grouped(counters.maliciousThrough)) got through",
                    counters.maliciousThrough > 0 && !sim.solved ? .red : .plain
                ))
        } else {
            lines.append(("waiting for socd...", .dim))
        }
        var tail: [(String, CanvasColor)] = []
        if let scenario = state.scenario {
            let objective = TextWrapper.wrap(scenario.objective, width: max(10, width - 10))
            for (index, line) in objective.prefix(2).enumerated() {
                tail.append(((index == 0 ? "objective " : "          ") + line, .plain))
            }
            let progressColor: CanvasColor =
                switch scenario.state {
                case .solved: .green
                case .compromised: .red
                case .inProgress: .plain
                }
            tail.append(("progress  " + ScenarioText.progressLine(scenario, glyphs: glyphs), progressColor))
            if let flag = scenario.flag {
                tail.append(("flag      \(flag)  solved", .green))
            } else if scenario.state == .compromised {
                // Short enough for a narrow terminal; 'socctl scenario status' gives the command.
                tail.append(
                    ("lost      " + ScenarioText.compromiseReason(scenario.compromise) + "; reload to retry", .red))
            }
        }
        let legend =
            "\(glyphs.maliciousPacket) attack  \(glyphs.legitimatePacket) legitimate  \(glyphs.dropped) blocked"
            + " by the firewall   q quits"
        // What is left between the counters and the objective goes to the top sources.
        let sourceRows = max(0, min(11, height - row - lines.count - tail.count - 2))
        if sourceRows > 1 {
            lines.append(("top sources (packets seen)", .bold))
            for entry in state.sources.top(sourceRows - 1) {
                let mark = entry.maliciousPackets > 0 ? glyphs.maliciousPacket : glyphs.legitimatePacket
                let name = entry.host.map { "\(entry.address) (\($0))" } ?? entry.address
                var text = "  \(mark) " + pad(name, 32) + pad(HumanFormat.grouped(entry.packets), 9, right: true)
                if entry.maliciousPackets > 0 { text += "  attack" }
                if entry.blockedPackets > 0 { text += "  \(HumanFormat.grouped(entry.blockedPackets)) blocked" }
                lines.append((text, entry.maliciousPackets > 0 ? .red : .green))
            }
        }
        for (text, color) in lines + tail where row < height - 1 {
            canvas.write(fit(text, width), at: CanvasPoint(row: row, column: 0), color: color)
            row += 1
        }
        canvas.write(fit(legend, width), at: CanvasPoint(row: height - 1, column: 0), color: .dim)
        return canvas.lines(style: style)
    }

    /// `socd watch · web-flood: The website is under attack · tick 1234, running at 10 ticks/s`.
    static func title(_ state: WatchState) -> String {
        var parts = ["socd watch"]
        if let scenario = state.scenario { parts.append("\(scenario.name): \(scenario.title)") }
        if let sim = state.sim { parts.append(SimStatusText.headline(sim)) }
        return parts.joined(separator: "  |  ")
    }

    private static func drawPackets(
        _ animation: PacketAnimation, diagram: NetworkDiagram, on canvas: inout Canvas, glyphs: DrawingGlyphs
    ) {
        // Legitimate packets first, so that a red one on the same cell is the one seen.
        let ordered = animation.flights.filter { !$0.malicious } + animation.flights.filter(\.malicious)
        for flight in ordered {
            guard let (point, isCross) = flight.position(in: diagram) else { continue }
            let mark = isCross ? glyphs.dropped : flight.malicious ? glyphs.maliciousPacket : glyphs.legitimatePacket
            canvas.put(mark, at: point, color: flight.malicious ? .red : .green)
        }
    }

    static func healthWord(_ health: SimSiteHealth) -> String {
        switch health {
        case .up: "UP"
        case .degraded: "DEGRADED"
        case .down: "DOWN"
        }
    }

    static func healthColor(_ health: SimSiteHealth) -> CanvasColor {
        switch health {
        case .up: .green
        case .degraded: .yellow
        case .down: .red
        }
    }

    private static func fit(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width))
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
