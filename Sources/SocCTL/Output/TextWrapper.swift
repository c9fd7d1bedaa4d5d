/// Word wrapping by terminal columns, for help text.
package enum TextWrapper {
    /// The lines of `text` wrapped to `width` columns. Each input line is wrapped on its own; a
    /// line that starts with a space is kept as written (an indented command, a list), and a
    /// word longer than the width gets a line of its own.
    package static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if paragraph.hasPrefix(" ") || paragraph.isEmpty {
                lines.append(String(paragraph))
                continue
            }
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                let wordWidth = TextWidth.of(String(word))
                if lineWidth > 0, lineWidth + 1 + wordWidth > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                if lineWidth > 0 {
                    line += " "
                    lineWidth += 1
                }
                line += word
                lineWidth += wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}
