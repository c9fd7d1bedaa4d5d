/// An indicator's identity: its kind and canonical value. Adding an indicator with the key of an
/// existing one replaces it.
package struct IndicatorKey: Sendable, Hashable, Codable, CustomStringConvertible {
    package var kind: IndicatorKind
    package var value: String

    package init(kind: IndicatorKind, value: String) {
        self.kind = kind
        self.value = value
    }

    package var description: String { "\(kind.rawValue):\(value)" }
}
