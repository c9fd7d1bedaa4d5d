import Glibc

/// What `socctl` writes to: whether each output stream is a terminal, how wide it is, and
/// whether colour is wanted. Decided once at start and passed down, so that commands and tests
/// never consult the environment themselves.
package struct Terminal: Sendable, Hashable {
    package var standardOutputIsTerminal: Bool
    package var standardErrorIsTerminal: Bool
    /// The columns to lay text out in (help, wrapping): `$COLUMNS`, else the window width of
    /// standard output or standard error, else 80.
    package var width: Int
    /// The width tables must fit in, or `nil` for no limit: when standard output is not a terminal
    /// and `$COLUMNS` is unset, tables are piped into `grep` or a file and must not be cut.
    package var tableWidth: Int?
    package var colorsOnStandardOutput: Bool
    package var colorsOnStandardError: Bool

    package static let fallbackWidth = 80

    /// Decides from the given facts; `environment` looks up a variable (`getenv` in production).
    ///
    /// Colour is on in `.automatic` mode only for a terminal, when `$NO_COLOR` is unset or empty
    /// (see no-color.org) and `$TERM` is not `dumb`.
    package init(
        environment: (String) -> String?, standardOutputIsTerminal: Bool, standardErrorIsTerminal: Bool,
        windowColumns: Int?, colorMode: ColorMode = .automatic
    ) {
        self.standardOutputIsTerminal = standardOutputIsTerminal
        self.standardErrorIsTerminal = standardErrorIsTerminal
        let columns = environment("COLUMNS").flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        let measured = windowColumns.flatMap { $0 > 0 ? $0 : nil }
        self.width = columns ?? measured ?? Self.fallbackWidth
        self.tableWidth = columns ?? (standardOutputIsTerminal ? self.width : nil)

        let colorWanted: Bool
        switch colorMode {
        case .always: colorWanted = true
        case .never: colorWanted = false
        case .automatic:
            let noColor = !(environment("NO_COLOR") ?? "").isEmpty
            colorWanted = !noColor && environment("TERM") != "dumb"
        }
        let forced = colorMode == .always
        self.colorsOnStandardOutput = colorWanted && (forced || standardOutputIsTerminal)
        self.colorsOnStandardError = colorWanted && (forced || standardErrorIsTerminal)
    }

    /// The terminal of this process.
    package static func current(colorMode: ColorMode = .automatic) -> Terminal {
        let stdoutIsTTY = isatty(STDOUT_FILENO) == 1
        let stderrIsTTY = isatty(STDERR_FILENO) == 1
        let columns = windowColumns(of: STDOUT_FILENO) ?? windowColumns(of: STDERR_FILENO)
        return Terminal(
            environment: { name in getenv(name).map { String(cString: $0) } },
            standardOutputIsTerminal: stdoutIsTTY, standardErrorIsTerminal: stderrIsTTY, windowColumns: columns,
            colorMode: colorMode)
    }

    /// The width of the terminal window behind `descriptor`, or `nil` when it is not a terminal.
    package static func windowColumns(of descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// The style for text written to standard output.
    package var outputStyle: Style { Style(isEnabled: colorsOnStandardOutput) }

    /// The style for text written to standard error.
    package var errorStyle: Style { Style(isEnabled: colorsOnStandardError) }
}
