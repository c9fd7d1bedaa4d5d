/// Tables sized by a detection's own threshold ("trackedSources", "trackedPairs"...): how many
/// keys the detection keeps counts for, tunable like its windows.
extension BoundedKeyTable {
    /// An empty table of as many keys as the threshold `name` of `thresholds` says.
    init(sizedBy name: String, in thresholds: DetectionThresholds) {
        self.init(capacity: Int(thresholds.integer(name)))
    }

    /// Starts over with an empty table when the threshold `name` gives another size; a table of
    /// the same size keeps its counts, so retuning a window or a threshold loses nothing.
    mutating func resize(toThreshold name: String, in thresholds: DetectionThresholds) {
        let capacity = Int(thresholds.integer(name))
        if capacity != self.capacity { self = BoundedKeyTable(capacity: capacity) }
    }
}
