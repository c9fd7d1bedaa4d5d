/// A grid of characters, each with a colour, that views draw into before it becomes lines of
/// text. Every character takes one column: the views only draw ASCII, box drawing and the
/// packet marks of `DrawingGlyphs`, which all do.
///
/// Drawing outside the grid is ignored, so layouts that do not fit a small terminal are cut
/// rather than wrapped.
package struct Canvas: Sendable, Hashable {
    package let width: Int
    package let height: Int
    private var characters: [Character]
    private var colors: [CanvasColor]

    package init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        characters = Array(repeating: " ", count: self.width * self.height)
        colors = Array(repeating: .plain, count: self.width * self.height)
    }

    package subscript(point: CanvasPoint) -> Character {
        contains(point) ? characters[point.row * width + point.column] : " "
    }

    package func color(at point: CanvasPoint) -> CanvasColor {
        contains(point) ? colors[point.row * width + point.column] : .plain
    }

    package func contains(_ point: CanvasPoint) -> Bool {
        point.row >= 0 && point.row < height && point.column >= 0 && point.column < width
    }

    package mutating func put(_ character: Character, at point: CanvasPoint, color: CanvasColor = .plain) {
        guard contains(point) else { return }
        characters[point.row * width + point.column] = character
        colors[point.row * width + point.column] = color
    }

    /// Writes `text` from `point` to the right, one character per column.
    package mutating func write(_ text: String, at point: CanvasPoint, color: CanvasColor = .plain) {
        var column = point.column
        for character in text {
            put(character, at: CanvasPoint(row: point.row, column: column), color: color)
            column += 1
        }
    }

    /// The rows as text, colours as escape sequences when `style` is enabled, trailing spaces
    /// removed; a colour change costs one sequence, not one per cell.
    package func lines(style: Style) -> [String] {
        (0..<height).map { line(row: $0, style: style) }
    }

    private func line(row: Int, style: Style) -> String {
        let start = row * width
        var end = start + width
        while end > start, characters[end - 1] == " " { end -= 1 }
        var text = ""
        var current = CanvasColor.plain
        for index in start..<end {
            // A space looks the same in any colour: it never costs a sequence of its own.
            let color = characters[index] == " " ? current : colors[index]
            if style.isEnabled, color != current {
                if current != .plain { text += style.reset }
                if let code = color.sgrCode { text += "\u{1B}[\(code)m" }
                current = color
            }
            text.append(characters[index])
        }
        if style.isEnabled, current != .plain { text += style.reset }
        return text
    }
}
