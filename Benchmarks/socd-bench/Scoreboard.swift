/// Prints each suite's table as it finishes and keeps the tally of targets for the closing line.
final class Scoreboard {
    private(set) var met: [String] = []
    private(set) var missed: [String] = []
    private(set) var failedSuites: [String] = []

    func record(_ table: FigureTable, suite: String) {
        print(table.render())
        for row in table.rows {
            switch row.verdict {
            case true?: met.append("\(suite): \(row.label)")
            case false?: missed.append("\(suite): \(row.label)")
            case nil: break
            }
        }
    }

    func recordFailure(suite: String, _ error: any Error) {
        failedSuites.append(suite)
        print("\n\(suite): could not run: \(error)")
    }

    var summary: String {
        var text = "\ntargets: \(met.count) met, \(missed.count) missed"
        if !missed.isEmpty { text += " (" + missed.joined(separator: "; ") + ")" }
        if !failedSuites.isEmpty { text += "\nsuites that could not run: " + failedSuites.joined(separator: ", ") }
        return text
    }
}
