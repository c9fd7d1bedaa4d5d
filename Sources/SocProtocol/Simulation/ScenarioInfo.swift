import JSONRPC

/// A scenario of the catalog, as `scenario.list` describes it.
package struct ScenarioInfo: Codable, Sendable, Hashable, JSONSchemaDocumented {
    package enum Difficulty: String, Codable, Sendable, Hashable, CaseIterable, JSONSchemaEnum {
        case introductory, intermediate, advanced
    }

    package var name: String
    package var title: String
    package var difficulty: Difficulty
    package var objective: String
    /// In the order they should be revealed.
    package var hints: [String]
    /// What the check demands, in words.
    package var solvedWhen: String
    /// Consecutive clean ticks the check needs.
    package var windowTicks: Int

    package init(
        name: String, title: String, difficulty: Difficulty, objective: String, hints: [String], solvedWhen: String,
        windowTicks: Int
    ) {
        self.name = name
        self.title = title
        self.difficulty = difficulty
        self.objective = objective
        self.hints = hints
        self.solvedWhen = solvedWhen
        self.windowTicks = windowTicks
    }

    package static let fieldDescriptions = [
        "name": "The identifier scenario.load takes.",
        "title": "A one-line title.",
        "difficulty": "introductory, intermediate or advanced.",
        "objective": "What the learner must achieve.",
        "hints": "Hints, in the order to reveal them.",
        "solvedWhen": "The check that decides success, in words.",
        "windowTicks": "How many consecutive clean ticks the check needs.",
    ]
}
