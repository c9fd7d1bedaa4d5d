/// The validated threshold values of one detection: every threshold its descriptor declares,
/// each within bounds. Unset ones hold their default, so a detection reads any of them directly.
package struct DetectionThresholds: Sendable, Hashable, Codable {
    /// By threshold name.
    package private(set) var values: [String: Double]

    /// Every threshold at its default.
    package init(defaultsOf specs: [DetectionThreshold]) {
        values = Dictionary(uniqueKeysWithValues: specs.map { ($0.name, $0.defaultValue) })
    }

    /// `current` with `changes` applied, or the first change that is unknown or out of bounds.
    package init(
        updating current: DetectionThresholds, with changes: [String: Double], specs: [DetectionThreshold],
        detectionID: String
    ) throws(DetectionError) {
        var values = current.values
        for name in changes.keys.sorted() {
            let value = changes[name]!
            guard let spec = specs.first(where: { $0.name == name }) else {
                throw .unknownThreshold(name, detectionID: detectionID, known: specs.map(\.name))
            }
            if let problem = spec.problem(with: value) {
                throw .invalidThreshold(name, detectionID: detectionID, problem: problem)
            }
            values[name] = value
        }
        self.values = values
    }

    package func integer(_ name: String) -> Int64 {
        guard let value = values[name] else { preconditionFailure("no threshold named \(name)") }
        return Int64(value)
    }

    package func decimal(_ name: String) -> Double {
        guard let value = values[name] else { preconditionFailure("no threshold named \(name)") }
        return value
    }
}
