/// `[██████░░░░░░░░░░░░░░]  30%`: a fraction drawn in a fixed number of cells.
package enum ProgressBar {
    package static func render(_ fraction: Double, cells: Int, glyphs: DrawingGlyphs) -> String {
        let clamped = fraction.isNaN ? 0 : min(1, max(0, fraction))
        // Full only when it is: 99.9 % must not look done.
        let filled = clamped >= 1 ? cells : min(cells - 1, Int((clamped * Double(cells)).rounded(.down)))
        let percent = clamped >= 1 ? 100 : min(99, Int((clamped * 100).rounded(.down)))
        let bar =
            String(repeating: glyphs.barFilled, count: max(0, filled))
            + String(repeating: glyphs.barEmpty, count: max(0, cells - filled))
        let label = String(percent) + "%"
        return "[\(bar)] " + String(repeating: " ", count: max(0, 4 - label.count)) + label
    }
}
