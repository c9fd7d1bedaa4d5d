/// A cell of a `Canvas`: row 0 is the top line, column 0 the left edge.
package struct CanvasPoint: Sendable, Hashable {
    package var row: Int
    package var column: Int

    package init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
