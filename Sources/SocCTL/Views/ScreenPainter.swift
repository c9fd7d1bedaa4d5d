/// Turns successive frames into the bytes that update a full-screen terminal without flicker:
/// the screen is never cleared; each line that changed since the last frame is rewritten in
/// place (cursor to the line, the text, erase the rest of the line), and nothing is sent for
/// lines that did not. The caller writes the bytes of one frame with one write(2).
package struct ScreenPainter: Sendable {
    private var previous: [String]?

    package init() {}

    /// The next frame should rewrite every line: after a resize, or when the screen was lost.
    package mutating func invalidate() {
        previous = nil
    }

    /// The bytes that turn the last frame into `lines` (row 0 is the top line).
    package mutating func update(to lines: [String]) -> [UInt8] {
        var output: [UInt8] = []
        let earlier = previous
        if earlier == nil {
            // Everything is redrawn: start from a blank screen so nothing of a larger one remains.
            output += Array("\u{1B}[H\u{1B}[2J".utf8)
        }
        for (row, line) in lines.enumerated() {
            if let earlier, row < earlier.count, earlier[row] == line { continue }
            output += Array("\u{1B}[\(row + 1);1H".utf8)
            output += Array(line.utf8)
            output += Array("\u{1B}[0m\u{1B}[K".utf8)
        }
        previous = lines
        return output
    }
}
