/// The number of terminal columns text takes, which is what alignment needs: ANSI escape
/// sequences take none, combining marks and other zero-width scalars take none, East Asian wide
/// characters and emoji take two, everything else (box drawing `│─`, accented letters) one.
package enum TextWidth {
    package static func of(_ text: String) -> Int {
        // Table cells are mostly ASCII; skip the scalar walk for them.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var width = 0
        forEachScalar(of: text) { scalar, isEscape in
            if !isEscape { width += columns(of: scalar) }
            return true
        }
        return width
    }

    /// `text` cut to at most `width` columns, ending with `…` when something was cut. Escape
    /// sequences before the cut are kept and followed by a reset, so colour cannot leak.
    package static func truncate(_ text: String, toWidth width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        var result = String.UnicodeScalarView()
        var used = 0
        var sawEscape = false
        forEachScalar(of: text) { scalar, isEscape in
            if isEscape {
                sawEscape = true
                result.append(scalar)
                return true
            }
            let columns = columns(of: scalar)
            guard used + columns <= width - 1 else { return false }
            used += columns
            result.append(scalar)
            return true
        }
        // "attacker hitting …" reads worse than "attacker hitting…".
        while result.last == " " { result.removeLast() }
        return String(result) + "…" + (sawEscape ? "\u{1B}[0m" : "")
    }

    /// `text` with spaces added to fill `width` columns, before it for right alignment.
    package static func pad(_ text: String, toWidth width: Int, alignment: TableColumn.Alignment) -> String {
        let padding = width - of(text)
        guard padding > 0 else { return text }
        let spaces = String(repeating: " ", count: padding)
        return alignment == .left ? text + spaces : spaces + text
    }

    /// The columns one scalar takes outside escape sequences.
    package static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation || isEastAsianWide(value) { return 2 }
        return 1
    }

    private static func isEastAsianWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Calls `body` with every scalar and whether it belongs to an escape sequence (CSI such as
    /// `ESC [ 1 m`, or OSC such as a hyperlink ended by BEL or `ESC \`); stops when `body` says so.
    private static func forEachScalar(of text: String, _ body: (Unicode.Scalar, Bool) -> Bool) {
        enum Mode { case text, escape, controlSequence, operatingSystemCommand, oscEscape }
        var mode = Mode.text
        for scalar in text.unicodeScalars {
            let isEscape: Bool
            switch mode {
            case .text:
                isEscape = scalar == "\u{1B}"
                if isEscape { mode = .escape }
            case .escape:
                isEscape = true
                mode = scalar == "[" ? .controlSequence : scalar == "]" ? .operatingSystemCommand : .text
            case .controlSequence:
                isEscape = true
                if (0x40...0x7E).contains(scalar.value) { mode = .text }
            case .operatingSystemCommand:
                isEscape = true
                if scalar == "\u{07}" { mode = .text } else if scalar == "\u{1B}" { mode = .oscEscape }
            case .oscEscape:
                isEscape = true
                mode = .text
            }
            if !body(scalar, isEscape) { return }
        }
    }
}
