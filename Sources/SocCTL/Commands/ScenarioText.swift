import SocProtocol

/// How the scenario commands and the watch view write scenarios for people.
package enum ScenarioText {
    /// The catalog as a table, the loaded scenario marked with `*`.
    package static func catalog(_ list: ScenarioListRequest.Result, style: Style, width: Int?) -> String {
        let rows = list.scenarios.map { scenario in
            [
                scenario.name == list.current ? "*" : "", scenario.name, scenario.difficulty.rawValue,
                scenario.title,
            ]
        }
        let columns = [
            TableColumn(""), TableColumn("NAME"), TableColumn("DIFFICULTY"),
            TableColumn("TITLE", flexible: true, minimumWidth: 12),
        ]
        return TableRenderer(columns: columns, style: style).render(rows, width: width)
            + "* loaded; 'socctl scenario load NAME' starts another.\n"
    }

    /// `Objective: ...` wrapped to `width`.
    package static func objective(_ status: ScenarioStatusInfo, width: Int) -> String {
        TextWrapper.wrap("Objective: " + status.objective, width: width).map { $0 + "\n" }.joined()
    }

    /// What `socctl scenario status` prints: the title, the objective, progress and the outcome.
    package static func status(
        _ status: ScenarioStatusInfo, hints: Bool, glyphs: DrawingGlyphs, style: Style, width: Int
    ) -> String {
        var text =
            style.bold(status.title) + " (\(status.name), \(status.difficulty.rawValue), seed \(status.seed))\n\n"
        text += objective(status, width: width) + "\n"
        var rows: [[String]] = [
            ["progress", progressLine(status, glyphs: glyphs)],
            ["attack", attackLine(status, style: style)],
            ["visitors", visitorsLine(status)],
        ]
        if let outcome = status.outcome, status.solved {
            rows.append([
                "solved",
                style.green("yes") + ", at tick \(outcome.solvedAtTick), "
                    + "\(SimStatusText.decimal(outcome.secondsToSolve, places: 1)) s after the attack began; "
                    + "score \(outcome.score)/100",
            ])
        } else if status.state == .compromised {
            rows.append(["solved", style.red("no, and it cannot be any more")])
        } else {
            rows.append(["solved", "no"])
        }
        if let flag = status.flag {
            rows.append(["flag", style.apply("1;32", flag)])
        }
        text += TableRenderer(columns: [TableColumn("label"), TableColumn("value")], showsHeader: false)
            .render(rows.map { [style.bold($0[0]), $0[1]] }, width: nil)
        if let lost = lossNotice(status) {
            text += "\n" + TextWrapper.wrap(lost, width: width).map { style.red($0) + "\n" }.joined()
        }
        if hints {
            text += "\n"
            for (index, hint) in status.hints.enumerated() {
                let lines = TextWrapper.wrap(hint, width: max(20, width - 9))
                for (number, line) in lines.enumerated() {
                    text += (number == 0 ? "hint \(index + 1)  " : "        ") + line + "\n"
                }
            }
        } else if !status.solved, !status.hints.isEmpty {
            text += "\n\(status.hints.count) hints: socctl scenario status --hints\n"
        }
        return text
    }

    /// `[████░░░░] 40%  40 of 100 ticks with no attack packet through the firewall`, or the tick
    /// the attacker got in, which lost the scenario. The bar is full only once solved: socd's
    /// progress reaches 1 as soon as the attack is kept out for the whole window, even when the
    /// site is not serving its visitors, which does not solve it.
    package static func progressLine(_ status: ScenarioStatusInfo, glyphs: DrawingGlyphs) -> String {
        let bar = ProgressBar.render(status.solved ? 1 : min(status.progress, 0.99), cells: 20, glyphs: glyphs)
        if status.solved { return bar }
        if status.state == .compromised, let tick = status.compromisedAtTick {
            return bar + "  lost: the attacker got in at tick \(tick)"
        }
        let ticks = min(status.ticksProtected, status.windowTicks)
        if ticks >= status.windowTicks {
            return bar + "  the attack is kept out, but too few visitors get through"
        }
        return bar + "  \(ticks) of \(status.windowTicks) ticks with no attack packet through the firewall"
    }

    /// `not started yet`, or `under way; 1,234 packets blocked, 56 got through`: red, the part that
    /// still needs work (none blocked, some through), until solved.
    package static func attackLine(_ status: ScenarioStatusInfo, style: Style) -> String {
        guard status.attackStarted else { return "not started yet" }
        let blocked = "\(HumanFormat.grouped(status.attackPacketsBlocked)) packets blocked"
        let through = "\(HumanFormat.grouped(status.attackPacketsThrough)) got through"
        let open = !status.solved
        return "under way; " + (open && status.attackPacketsBlocked == 0 ? style.red(blocked) : blocked) + ", "
            + (open && status.attackPacketsThrough > 0 ? style.red(through) : through)
    }

    /// `Compromised at tick 1834: the attacker logged in to web-server over SSH as root. Reload
    /// the scenario with 'socctl scenario load ssh-brute-force' to try again.`; nil unless lost.
    package static func lossNotice(_ status: ScenarioStatusInfo) -> String? {
        guard status.state == .compromised else { return nil }
        let when = status.compromisedAtTick.map { "Compromised at tick \($0)" } ?? "Compromised"
        return when + ": " + compromiseReason(status.compromise)
            + ". Reload the scenario with 'socctl scenario load \(status.name)' to try again."
    }

    /// `the attacker logged in to web-server over SSH as root`, from what socd recorded.
    package static func compromiseReason(_ compromise: ScenarioCompromiseInfo?) -> String {
        guard let compromise else { return "the attacker got in" }
        return "the attacker logged in to \(compromise.host) over \(compromise.service.uppercased()) "
            + "as \(compromise.user)"
    }

    /// `98% of legitimate packets succeed; 111 lost`.
    package static func visitorsLine(_ status: ScenarioStatusInfo) -> String {
        let lost = "\(HumanFormat.grouped(status.legitimatePacketsLost)) lost"
        guard let rate = status.legitimateSuccessRate else { return "no traffic yet; " + lost }
        return "\(Int((rate * 100).rounded(.down)))% of legitimate packets succeed; " + lost
    }
}
