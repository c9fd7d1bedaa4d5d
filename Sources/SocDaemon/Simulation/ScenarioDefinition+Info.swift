import SocProtocol
import SocSim

extension ScenarioDefinition {
    /// The catalog entry `scenario.list` shows.
    var info: ScenarioInfo {
        ScenarioInfo(
            name: name, title: title, difficulty: ScenarioInfo.Difficulty(difficulty), objective: objective,
            hints: hints,
            solvedWhen: check.explanation(millisecondsPerTick: SimulationClock.standard.millisecondsPerTick),
            windowTicks: check.windowTicks)
    }
}

extension ScenarioInfo.Difficulty {
    init(_ difficulty: ScenarioDefinition.Difficulty) {
        switch difficulty {
        case .introductory: self = .introductory
        case .intermediate: self = .intermediate
        case .advanced: self = .advanced
        }
    }
}

extension ScenarioCheck {
    /// The check in words, for learners.
    func explanation(millisecondsPerTick: Int64) -> String {
        switch self {
        case .sustainedProtection(let windowTicks, let minimumLegitimateSuccess, let guarding):
            let seconds = Double(Int64(windowTicks) * millisecondsPerTick) / 1000
            let percent = Int(minimumLegitimateSuccess * 100 + 0.5)
            let services = guarding.isEmpty ? "" : " (and of \(guarding.map(\.label).joined(separator: ", ")) alone)"
            return "No attack packet gets through the firewall for \(windowTicks) consecutive ticks "
                + "(\(seconds.formatted) s of simulated time) while at least \(percent) % of legitimate packets"
                + "\(services) succeed."
        }
    }
}

extension Double {
    /// `10` rather than `10.0`; one decimal otherwise.
    fileprivate var formatted: String {
        self == self.rounded() ? String(Int(self)) : String((self * 10).rounded() / 10)
    }
}
