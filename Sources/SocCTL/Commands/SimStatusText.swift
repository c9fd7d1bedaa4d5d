import SocProtocol

/// How the sim commands and the watch view describe the simulation's state for people.
package enum SimStatusText {
    /// The labelled block of `socctl sim status`.
    package static func render(_ status: SimStatusInfo, style: Style) -> String {
        let counters = status.counters
        let rows: [[String]] = [
            ["scenario", "\(status.scenario) (seed \(status.seed))"],
            ["clock", clock(status) + ", tick \(status.tick) (\(status.simulatedTime))"],
            ["site", site(status, style: style)],
            [
                "packets",
                "\(HumanFormat.grouped(counters.packets)): \(HumanFormat.grouped(counters.accepted)) accepted, "
                    + "\(HumanFormat.grouped(counters.dropped)) dropped, \(HumanFormat.grouped(counters.rejected)) rejected",
            ],
            ["attack", attack(counters, style: style)],
            [
                "legitimate",
                "\(HumanFormat.grouped(counters.legitimatePackets)) sent, "
                    + "\(HumanFormat.grouped(counters.legitimateSucceeded)) succeeded, "
                    + "\(HumanFormat.grouped(counters.legitimateLost)) lost "
                    + "(\(HumanFormat.grouped(counters.legitimateBlocked)) blocked, "
                    + "\(HumanFormat.grouped(counters.legitimateRefusedByServer)) refused by the busy server)",
            ],
            ["solved", solved(status, style: style)],
        ]
        return TableRenderer(columns: [TableColumn("label"), TableColumn("value")], showsHeader: false)
            .render(rows.map { [style.bold($0[0]), $0[1]] }, width: nil)
    }

    /// `yes`, `no`, or for a lost scenario `no: the attacker got in at tick N` (a solve stands).
    private static func solved(_ status: SimStatusInfo, style: Style) -> String {
        if status.solved { return style.green("yes") }
        guard let tick = status.compromisedAtTick else { return "no" }
        return style.red("no: the attacker got in at tick \(tick)")
            + " (socctl scenario status says how)"
    }

    /// `running at 10 ticks/s`, `paused (speed 10 ticks/s)`.
    package static func clock(_ status: SimStatusInfo) -> String {
        let rate = "\(number(status.ticksPerSecond)) ticks/s"
        return status.state == .running ? "running at \(rate)" : "paused (speed \(rate))"
    }

    /// `tick 54, running at 10 ticks/s`: what a clock command changed.
    package static func headline(_ status: SimStatusInfo) -> String {
        "tick \(status.tick), \(clock(status))"
    }

    /// `down, server load 3.29`, the health coloured.
    package static func site(_ status: SimStatusInfo, style: Style) -> String {
        "\(health(status.siteHealth, style: style)), server load \(decimal(status.serverLoad, places: 2))"
    }

    /// `up` green, `degraded` yellow, `down` red.
    package static func health(_ health: SimSiteHealth, style: Style) -> String {
        switch health {
        case .up: style.green("up")
        case .degraded: style.yellow("degraded")
        case .down: style.red("down")
        }
    }

    /// `2,784 sent, 0 blocked, 2,784 got through`, red while some get through. Through counts
    /// every attack packet the firewall let pass, to the server or elsewhere (a DNS tunnel's
    /// queries to the router, a rogue device's uploads to the internet).
    package static func attack(_ counters: SimCounters, style: Style) -> String {
        let through = "\(HumanFormat.grouped(counters.maliciousThrough)) got through"
        return "\(HumanFormat.grouped(counters.maliciousPackets)) sent, "
            + "\(HumanFormat.grouped(counters.maliciousBlocked)) blocked, "
            + (counters.maliciousThrough > 0 ? style.red(through) : through)
    }

    /// A speed without a needless `.0`: `10`, `0.5`.
    package static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// `value` with `places` decimals, rounded: `3.29`.
    package static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(abs(scaled) % Int(scale))
        let sign = scaled < 0 && whole == 0 ? "-" : ""
        guard places > 0 else { return String(whole) }
        return sign + String(whole) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
