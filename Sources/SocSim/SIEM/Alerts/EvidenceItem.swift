/// One event shown as evidence: its number in the normalized stream (to look it up while it is
/// retained) and its native log line (kept, since retention forgets).
package struct EvidenceItem: Sendable, Hashable, Codable {
    package var sequence: UInt64
    package var tick: Int64
    package var dataset: LogDataset
    package var line: String

    package init(sequence: UInt64, tick: Int64, dataset: LogDataset, line: String) {
        self.sequence = sequence
        self.tick = tick
        self.dataset = dataset
        self.line = line
    }

    package init(_ event: SecurityEvent, symbols: SymbolTable) {
        self.init(
            sequence: event.sequence, tick: event.tick, dataset: event.dataset, line: event.nativeLine(symbols: symbols)
        )
    }
}
