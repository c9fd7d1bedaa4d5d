/// One tunable number of a detection: what it means, its bounds and its default. All thresholds
/// are integers (counts, ticks, lengths) or decimals (entropy in bits); `DetectionThresholds`
/// holds validated values of them.
package struct DetectionThreshold: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Hashable, Codable {
        case integer, decimal
    }

    /// Stable lower camel case key, as `detections.update` names it (`windowTicks`).
    package var name: String
    package var summary: String
    package var kind: Kind
    package var minimum: Double
    package var maximum: Double
    package var defaultValue: Double

    package init(name: String, summary: String, kind: Kind, minimum: Double, maximum: Double, defaultValue: Double) {
        precondition(minimum <= defaultValue && defaultValue <= maximum, "default of \(name) outside its bounds")
        self.name = name
        self.summary = summary
        self.kind = kind
        self.minimum = minimum
        self.maximum = maximum
        self.defaultValue = defaultValue
    }

    package static func integer(
        _ name: String, _ summary: String, default value: Int64, in range: ClosedRange<Int64>
    )
        -> DetectionThreshold
    {
        DetectionThreshold(
            name: name, summary: summary, kind: .integer, minimum: Double(range.lowerBound),
            maximum: Double(range.upperBound), defaultValue: Double(value))
    }

    package static func decimal(
        _ name: String, _ summary: String, default value: Double, in range: ClosedRange<Double>
    )
        -> DetectionThreshold
    {
        DetectionThreshold(
            name: name, summary: summary, kind: .decimal, minimum: range.lowerBound, maximum: range.upperBound,
            defaultValue: value)
    }

    /// Nil when `value` fits; else why not.
    func problem(with value: Double) -> String? {
        if !value.isFinite { return "must be a finite number" }
        if kind == .integer && value.rounded() != value { return "must be a whole number" }
        if value < minimum || value > maximum {
            return "must be between \(Self.format(minimum, kind)) and \(Self.format(maximum, kind))"
        }
        return nil
    }

    static func format(_ value: Double, _ kind: Kind) -> String {
        kind == .integer ? String(Int64(value)) : String(value)
    }
}
