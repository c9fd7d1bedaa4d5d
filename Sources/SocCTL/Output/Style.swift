/// ANSI text attributes, or nothing at all when colour is off, so that callers style text
/// unconditionally and the decision is made once (see `Terminal`).
package struct Style: Sendable, Hashable {
    package var isEnabled: Bool

    package init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// A style that never adds escape sequences.
    package static let plain = Style(isEnabled: false)

    package func bold(_ text: String) -> String { apply("1", text) }
    package func dim(_ text: String) -> String { apply("2", text) }
    package func red(_ text: String) -> String { apply("31", text) }
    package func green(_ text: String) -> String { apply("32", text) }
    package func yellow(_ text: String) -> String { apply("33", text) }
    package func cyan(_ text: String) -> String { apply("36", text) }

    /// The sequence that turns every attribute off, or the empty string.
    package var reset: String { isEnabled ? "\u{1B}[0m" : "" }

    /// Wraps `text` in the select-graphic-rendition `code` (`"1;31"` for bold red) and a reset.
    package func apply(_ code: String, _ text: String) -> String {
        guard isEnabled, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
