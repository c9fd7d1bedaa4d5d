/// What every data source's record offers: when it happened, its ECS fields, and the line the
/// real program would have written. Records are plain values; `nativeLine` is rendered on demand,
/// so the tick loop only ever stores structs.
package protocol LogRecordProtocol: Sendable, TickStamped {
    static var dataset: LogDataset { get }
    /// `@timestamp`: milliseconds since the Unix epoch on the simulated clock.
    var timestampMilliseconds: Int64 { get }
    /// The field's value, or nil when this record has no such field. `.message` is `nativeLine`.
    func field(_ field: ECSField) -> LogFieldValue?
    var nativeLine: String { get }
}

extension LogRecordProtocol {
    /// `field(_:)` by ECS name; nil for an unknown name.
    package func field(named name: String) -> LogFieldValue? {
        ECSField(rawValue: name).flatMap { field($0) }
    }

    /// Every field the record has, in `ECSField` order.
    package var fields: [(ECSField, LogFieldValue)] {
        ECSField.allCases.compactMap { name in field(name).map { (name, $0) } }
    }

    /// The fields all records share; each record's `field(_:)` falls back to this.
    package func commonField(_ field: ECSField) -> LogFieldValue? {
        switch field {
        case .timestamp: .integer(timestampMilliseconds)
        case .eventDataset: .string(Self.dataset.rawValue)
        case .message: .string(nativeLine)
        default: nil
        }
    }

    var civilTime: CivilTime { CivilTime(epochMilliseconds: timestampMilliseconds) }
}
