/// Lays rows out in aligned columns separated by two spaces, the way `ps` and `nft list` do:
/// a header line, no borders, no trailing spaces.
///
/// When the table is wider than the width it must fit, the widest flexible column is narrowed
/// one column at a time (down to its minimum) until it fits, and cells that no longer fit are
/// cut with `…`. Widths are measured with `TextWidth`, so coloured cells align.
package struct TableRenderer: Sendable {
    package var columns: [TableColumn]
    package var style: Style
    package var showsHeader: Bool
    package var separator: String

    package init(columns: [TableColumn], style: Style = .plain, showsHeader: Bool = true, separator: String = "  ") {
        precondition(!columns.isEmpty, "a table needs a column")
        self.columns = columns
        self.style = style
        self.showsHeader = showsHeader
        self.separator = separator
    }

    /// The table as text, each line ending in a newline; `width` of `nil` never cuts anything.
    /// Rows shorter than the column list are padded with empty cells; extra cells are ignored.
    package func render(_ rows: [[String]], width: Int?) -> String {
        let widths = columnWidths(for: rows, width: width)
        var output = ""
        if showsHeader {
            output += line(columns.map(\.header), widths: widths, styled: true)
        }
        for row in rows {
            output += line(row, widths: widths, styled: false)
        }
        return output
    }

    /// The width each column gets: its widest cell or header, narrowed as described above.
    package func columnWidths(for rows: [[String]], width: Int?) -> [Int] {
        var widths = columns.map { showsHeader ? TextWidth.of($0.header) : 0 }
        for row in rows {
            for (index, cell) in row.prefix(columns.count).enumerated() {
                widths[index] = max(widths[index], TextWidth.of(cell))
            }
        }
        guard let width else { return widths }
        let separatorWidth = TextWidth.of(separator) * (columns.count - 1)
        var excess = widths.reduce(separatorWidth, +) - width
        while excess > 0 {
            // The widest flexible column that may still shrink; ties go to the rightmost, which is
            // usually the free-text one.
            var candidate: Int?
            for index in columns.indices where columns[index].isFlexible && widths[index] > columns[index].minimumWidth
            {
                if candidate == nil || widths[index] >= widths[candidate!] { candidate = index }
            }
            guard let candidate else { break }
            widths[candidate] -= 1
            excess -= 1
        }
        return widths
    }

    private func line(_ cells: [String], widths: [Int], styled: Bool) -> String {
        var line = ""
        for index in columns.indices {
            let column = columns[index]
            var cell = index < cells.count ? cells[index] : ""
            cell = TextWidth.truncate(cell, toWidth: widths[index])
            if styled { cell = style.bold(cell) }
            let isLast = index == columns.count - 1
            if !(isLast && column.alignment == .left) {
                cell = TextWidth.pad(cell, toWidth: widths[index], alignment: column.alignment)
            }
            if index > 0 { line += separator }
            line += cell
        }
        // A left-aligned column followed only by empty cells would leave padding behind.
        while line.hasSuffix(" ") { line.removeLast() }
        return line + "\n"
    }
}
