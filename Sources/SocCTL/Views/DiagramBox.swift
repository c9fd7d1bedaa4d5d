/// Where `NetworkDiagram` put one host's box, and what it wrote inside.
package struct DiagramBox: Sendable, Hashable {
    package var host: String
    /// The top-left corner.
    package var origin: CanvasPoint
    package var width: Int
    package var lines: [String]

    package var height: Int { lines.count + 2 }
    /// The row links attach to: the one with the host's name.
    package var linkRow: Int { origin.row + 1 }
    package var rightEdge: Int { origin.column + width - 1 }
}
