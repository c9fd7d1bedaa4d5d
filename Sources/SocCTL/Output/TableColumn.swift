/// One column of a `TableRenderer` table.
package struct TableColumn: Sendable, Hashable {
    package enum Alignment: Sendable, Hashable {
        case left
        /// For numbers, so that digits line up.
        case right
    }

    package var header: String
    package var alignment: Alignment
    /// Whether the column gives up width when the table is wider than the terminal; its cells
    /// are then cut with `…`. Identifiers and addresses should not be flexible, comments should.
    package var isFlexible: Bool
    /// The narrowest a flexible column is made, so that a cut value stays recognisable.
    package var minimumWidth: Int

    package init(_ header: String, alignment: Alignment = .left, flexible: Bool = false, minimumWidth: Int = 8) {
        self.header = header
        self.alignment = alignment
        self.isFlexible = flexible
        self.minimumWidth = minimumWidth
    }
}
