import Glibc
import SocCTL
import Testing

@Suite struct TerminalTests {
    func terminal(
        _ environment: [String: String], tty: Bool = true, columns: Int? = 120, mode: ColorMode = .automatic
    ) -> Terminal {
        Terminal(
            environment: { environment[$0] }, standardOutputIsTerminal: tty, standardErrorIsTerminal: tty,
            windowColumns: columns, colorMode: mode)
    }

    @Test func colourOnlyOnATerminal() {
        #expect(terminal(["TERM": "xterm-256color"]).colorsOnStandardOutput)
        #expect(!terminal(["TERM": "xterm-256color"], tty: false).colorsOnStandardOutput)
        let mixed = Terminal(
            environment: { _ in nil }, standardOutputIsTerminal: false, standardErrorIsTerminal: true,
            windowColumns: nil)
        #expect(!mixed.colorsOnStandardOutput && mixed.colorsOnStandardError)
        #expect(!mixed.outputStyle.isEnabled && mixed.errorStyle.isEnabled)
    }

    @Test func noColorDisablesColourUnlessEmpty() {
        #expect(!terminal(["NO_COLOR": "1"]).colorsOnStandardOutput)
        #expect(!terminal(["NO_COLOR": "1"]).colorsOnStandardError)
        #expect(terminal(["NO_COLOR": ""]).colorsOnStandardOutput)
    }

    @Test func dumbTerminalDisablesColour() {
        #expect(!terminal(["TERM": "dumb"]).colorsOnStandardOutput)
    }

    @Test func forcedModes() {
        #expect(terminal(["NO_COLOR": "1"], tty: false, mode: .always).colorsOnStandardOutput)
        #expect(!terminal([:], mode: .never).colorsOnStandardOutput)
    }

    @Test func widthFromColumnsThenWindowThenFallback() {
        #expect(terminal(["COLUMNS": "60"]).width == 60)
        #expect(terminal([:]).width == 120)
        #expect(terminal(["COLUMNS": "wide"]).width == 120)
        #expect(terminal(["COLUMNS": "0"], columns: nil).width == 80)
        #expect(terminal([:], columns: nil).width == Terminal.fallbackWidth)
    }

    @Test func pipedTablesAreNotCutUnlessColumnsIsSet() {
        #expect(terminal([:], tty: false).tableWidth == nil)
        #expect(terminal(["COLUMNS": "70"], tty: false).tableWidth == 70)
        #expect(terminal([:]).tableWidth == 120)
    }

    @Test func windowColumnsOfAPipeIsUnknown() {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        defer { close(descriptors[0]); close(descriptors[1]) }
        #expect(Terminal.windowColumns(of: descriptors[1]) == nil)
    }

    @Test func styleIsANoOpWhenDisabled() {
        #expect(Style.plain.bold("x") == "x")
        #expect(Style.plain.red("x") == "x")
        #expect(Style.plain.reset == "")
        let style = Style(isEnabled: true)
        #expect(style.bold("x") == "\u{1B}[1mx\u{1B}[0m")
        #expect(style.dim("x") == "\u{1B}[2mx\u{1B}[0m")
        #expect(style.green("x") == "\u{1B}[32mx\u{1B}[0m")
        #expect(style.apply("1;31", "x") == "\u{1B}[1;31mx\u{1B}[0m")
        #expect(style.red("") == "")
        #expect(style.reset == "\u{1B}[0m")
    }
}
