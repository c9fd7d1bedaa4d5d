import SocCTL
import Testing

@Suite struct TableRendererTests {
    static let columns = [
        TableColumn("ID", alignment: .right), TableColumn("SRC"), TableColumn("DPORT", alignment: .right),
        TableColumn("ACTION"), TableColumn("COMMENT", flexible: true),
    ]
    static let rows = [
        ["1", "203.0.113.7", "80", "DROP", "attacker hitting the web server"],
        ["12", "ANY", "22", "ACCEPT", "ssh"],
        ["3", "10.0.0.0/8", "ANY", "REJECT"],
    ]

    @Test func alignsColumnsWithoutTrailingSpaces() {
        let table = TableRenderer(columns: Self.columns).render(Self.rows, width: nil)
        #expect(
            table == """
                ID  SRC          DPORT  ACTION  COMMENT
                 1  203.0.113.7     80  DROP    attacker hitting the web server
                12  ANY             22  ACCEPT  ssh
                 3  10.0.0.0/8     ANY  REJECT

                """)
    }

    @Test func narrowsTheFlexibleColumnToFit() {
        let table = TableRenderer(columns: Self.columns).render(Self.rows, width: 50)
        #expect(
            table == """
                ID  SRC          DPORT  ACTION  COMMENT
                 1  203.0.113.7     80  DROP    attacker hitting…
                12  ANY             22  ACCEPT  ssh
                 3  10.0.0.0/8     ANY  REJECT

                """)
        for line in table.split(separator: "\n") { #expect(TextWidth.of(String(line)) <= 50) }
    }

    @Test func stopsAtTheMinimumWidthAndNeverCutsFixedColumns() {
        let table = TableRenderer(columns: Self.columns).render(Self.rows, width: 20)
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines[1] == " 1  203.0.113.7     80  DROP    attacke…")
        #expect(lines[0] == "ID  SRC          DPORT  ACTION  COMMENT")
    }

    @Test func widestFlexibleColumnShrinksFirst() {
        let columns = [
            TableColumn("A", flexible: true, minimumWidth: 2), TableColumn("B", flexible: true, minimumWidth: 2),
        ]
        let renderer = TableRenderer(columns: columns, showsHeader: false)
        #expect(renderer.columnWidths(for: [["aaaaaaaaaa", "bbbb"]], width: 12) == [6, 4])
        #expect(renderer.columnWidths(for: [["aaaaaaaaaa", "bbbb"]], width: 8) == [3, 3])
        #expect(renderer.render([["aaaaaaaaaa", "bbbb"]], width: 12) == "aaaaa…  bbbb\n")
    }

    @Test func colourEscapesDoNotCountTowardsWidth() {
        let style = Style(isEnabled: true)
        let coloured = Self.rows.map { row in
            row.enumerated().map { $0.offset == 3 ? style.red($0.element) : $0.element }
        }
        let plain = TableRenderer(columns: Self.columns).render(Self.rows, width: 50)
        let table = TableRenderer(columns: Self.columns, style: style).render(coloured, width: 50)
        #expect(table != plain)
        #expect(stripEscapes(table) == plain)
        #expect(table.hasPrefix("\u{1B}[1mID\u{1B}[0m  \u{1B}[1mSRC\u{1B}[0m"))
    }

    @Test func truncatedColouredCellEndsWithAReset() {
        let style = Style(isEnabled: true)
        let renderer = TableRenderer(columns: [TableColumn("X", flexible: true, minimumWidth: 4)], showsHeader: false)
        #expect(renderer.render([[style.yellow("warning text")]], width: 5) == "\u{1B}[33mwarn…\u{1B}[0m\n")
    }

    @Test func unicodeCellsAlign() {
        let renderer = TableRenderer(columns: [TableColumn("NAME"), TableColumn("V", alignment: .right)])
        let table = renderer.render(
            [["café", "1"], ["│─┼─│", "2"], ["日本", "3"], ["e\u{301}e\u{301}", "4"]], width: nil)
        #expect(
            table == """
                NAME   V
                café   1
                │─┼─│  2
                日本   3
                e\u{301}e\u{301}     4

                """)
    }

    @Test func shortRowsArePaddedAndExtraCellsIgnored() {
        let renderer = TableRenderer(columns: [TableColumn("A"), TableColumn("B", alignment: .right)])
        #expect(renderer.render([["x"], ["y", "22", "ignored"]], width: nil) == "A   B\nx\ny  22\n")
    }

    private func stripEscapes(_ text: String) -> String {
        var result = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{1B}" {
                inEscape = true
            } else if inEscape {
                if scalar == "m" { inEscape = false }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
