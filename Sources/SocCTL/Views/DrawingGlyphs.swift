/// The characters the views draw with: box drawing, arrows and packet marks in a UTF-8 locale,
/// plain ASCII elsewhere (a serial console, `LANG=C`) or when `--ascii` asks for it.
package struct DrawingGlyphs: Sendable, Hashable {
    package var horizontal: Character
    package var vertical: Character
    package var topLeft: Character
    package var topRight: Character
    package var bottomLeft: Character
    package var bottomRight: Character
    /// Where a link meets a box edge or the vertical bus.
    package var teeLeft: Character
    package var teeRight: Character
    package var teeUp: Character
    package var teeDown: Character
    package var cross: Character
    package var arrow: String
    package var legitimatePacket: Character
    /// Malicious packets get a shape of their own, so that they stand out with colour off too.
    package var maliciousPacket: Character
    package var dropped: Character
    package var barFilled: Character
    package var barEmpty: Character
    package var ellipsis: String

    package static let unicode = DrawingGlyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeLeft: "┤", teeRight: "├", teeUp: "┴", teeDown: "┬", cross: "┼", arrow: "→", legitimatePacket: "●",
        maliciousPacket: "◆", dropped: "✗", barFilled: "█", barEmpty: "░", ellipsis: "…")

    package static let ascii = DrawingGlyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeLeft: "+", teeRight: "+", teeUp: "+", teeDown: "+", cross: "+", arrow: "->", legitimatePacket: "o",
        maliciousPacket: "#", dropped: "X", barFilled: "#", barEmpty: "-", ellipsis: "~")

    /// UTF-8 glyphs when the locale's character set is UTF-8 and ASCII was not asked for.
    ///
    /// The locale is read the way setlocale(3) would pick LC_CTYPE: `LC_ALL`, else `LC_CTYPE`,
    /// else `LANG`, the first that is set and not empty; without any, the C locale, which is ASCII.
    package static func choose(environment: [String: String], forceASCII: Bool) -> DrawingGlyphs {
        if forceASCII { return .ascii }
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        guard let locale else { return .ascii }
        let normalized = locale.lowercased().filter { $0 != "-" }
        return normalized.contains("utf8") ? .unicode : .ascii
    }
}
