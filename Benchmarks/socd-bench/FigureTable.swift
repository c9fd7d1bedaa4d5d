/// One suite's results: each figure beside its baseline from the same run, the ratio of the
/// two, the target, and whether it was met. Printed as an aligned plain-text table.
struct FigureTable {
    struct Row {
        var label: String
        var figure: Quantity?
        var baseline: Quantity?
        var target: Target?
        /// Shown instead of the figure when it could not be measured.
        var unavailable: String?

        var verdict: Bool? {
            guard let figure, let target else { return nil }
            return target.isMet(by: figure, baseline: baseline)
        }
    }

    let title: String
    /// The two value columns' headings, e.g. "socd" and "echo baseline".
    let figureHeading: String
    let baselineHeading: String
    private(set) var rows: [Row] = []
    private(set) var notes: [String] = []

    init(title: String, figure: String = "socd", baseline: String) {
        self.title = title
        self.figureHeading = figure
        self.baselineHeading = baseline
    }

    mutating func add(_ label: String, _ figure: Quantity, baseline: Quantity?, target: Target? = nil) {
        rows.append(Row(label: label, figure: figure, baseline: baseline, target: target))
    }

    /// A figure that could not be measured this time, and why.
    mutating func addUnavailable(_ label: String, reason: String, baseline: Quantity?, target: Target? = nil) {
        rows.append(Row(label: label, baseline: baseline, target: target, unavailable: reason))
    }

    mutating func note(_ text: String) { notes.append(text) }

    func render() -> String {
        var cells: [[String]] = [["", figureHeading, baselineHeading, "ratio", "target", ""]]
        for row in rows {
            let ratio: String
            if let figure = row.figure, let baseline = row.baseline, baseline.value > 0 {
                ratio = Quantity.decimal(figure.value / baseline.value, digits: 2) + "×"
            } else {
                ratio = "—"
            }
            let verdict: String =
                switch (row.unavailable, row.verdict) {
                case (.some, _) where row.target != nil: "not run"
                case (_, true?): "met"
                case (_, false?): "MISSED"
                default: ""
                }
            cells.append([
                row.label, row.figure?.formatted ?? row.unavailable ?? "—", row.baseline?.formatted ?? "—", ratio,
                row.target?.formatted ?? "—", verdict,
            ])
        }
        let widths = (0..<cells[0].count).map { column in cells.map { $0[column].count }.max() ?? 0 }
        var lines = ["", title, String(repeating: "─", count: min(title.count, 100))]
        for (index, row) in cells.enumerated() {
            var line = ""
            for (column, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                // Labels align left; numbers right, so that their units line up.
                line += column == 0 || column == row.count - 1 ? cell + padding : padding + cell
                if column < row.count - 1 { line += "   " }
            }
            lines.append(line.trailingSpacesRemoved)
            if index == 0 { lines.append(String(repeating: "·", count: widths.reduce(0, +) + 3 * (widths.count - 1))) }
        }
        lines += notes.map { "  " + $0 }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate var trailingSpacesRemoved: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
