/// The colours a `Canvas` cell can have; `Style` turns them into escape sequences or nothing.
package enum CanvasColor: Sendable, Hashable {
    case plain
    case red
    case green
    case yellow
    case cyan
    case bold
    case dim

    /// The select-graphic-rendition parameters, `nil` for plain text.
    var sgrCode: String? {
        switch self {
        case .plain: nil
        case .red: "31"
        case .green: "32"
        case .yellow: "33"
        case .cyan: "36"
        case .bold: "1"
        case .dim: "2"
        }
    }
}
