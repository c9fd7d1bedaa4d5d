import SocCTL
import Testing

@Suite struct TextWidthTests {
    @Test func countsColumnsNotBytesOrScalars() {
        #expect(TextWidth.of("DROP") == 4)
        #expect(TextWidth.of("") == 0)
        #expect(TextWidth.of("café") == 4)
        #expect(TextWidth.of("e\u{301}") == 1)
        #expect(TextWidth.of("├──┤") == 4)
        #expect(TextWidth.of("…") == 1)
        #expect(TextWidth.of("日本語") == 6)
        #expect(TextWidth.of("🔥") == 2)
        #expect(TextWidth.of("a\u{200B}b") == 2)
    }

    @Test func escapeSequencesTakeNoColumns() {
        #expect(TextWidth.of("\u{1B}[1;31mDROP\u{1B}[0m") == 4)
        #expect(TextWidth.of(Style(isEnabled: true).cyan("abc")) == 3)
        // A hyperlink: OSC 8 with BEL, then with ST.
        #expect(TextWidth.of("\u{1B}]8;;https://example.org\u{07}link\u{1B}]8;;\u{07}") == 4)
        #expect(TextWidth.of("\u{1B}]8;;x\u{1B}\\link\u{1B}]8;;\u{1B}\\") == 4)
    }

    @Test func truncateCutsToTheWidthWithAnEllipsis() {
        #expect(TextWidth.truncate("firewall", toWidth: 8) == "firewall")
        #expect(TextWidth.truncate("firewall", toWidth: 5) == "fire…")
        #expect(TextWidth.truncate("firewall", toWidth: 1) == "…")
        #expect(TextWidth.truncate("firewall", toWidth: 0) == "")
        #expect(TextWidth.truncate("日本語", toWidth: 4) == "日…")
        #expect(TextWidth.truncate("two words", toWidth: 5) == "two…")
        #expect(TextWidth.truncate("\u{1B}[31mfirewall\u{1B}[0m", toWidth: 5) == "\u{1B}[31mfire…\u{1B}[0m")
    }

    @Test func pad() {
        #expect(TextWidth.pad("ab", toWidth: 4, alignment: .left) == "ab  ")
        #expect(TextWidth.pad("ab", toWidth: 4, alignment: .right) == "  ab")
        #expect(TextWidth.pad("abcdef", toWidth: 4, alignment: .right) == "abcdef")
    }

    @Test func wrapKeepsWordsAndIndentedLines() {
        #expect(TextWrapper.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(TextWrapper.wrap("a\n\n  keep   this  \nb", width: 5) == ["a", "", "  keep   this  ", "b"])
        #expect(TextWrapper.wrap("supercalifragilistic x", width: 5) == ["supercalifragilistic", "x"])
    }
}
