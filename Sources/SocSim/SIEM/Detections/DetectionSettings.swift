/// The tunable part of a detection, as `detections.update` changes it and the daemon persists it.
package struct DetectionSettings: Sendable, Hashable, Codable {
    package var enabled: Bool
    package var thresholds: DetectionThresholds

    package init(enabled: Bool, thresholds: DetectionThresholds) {
        self.enabled = enabled
        self.thresholds = thresholds
    }

    package init(defaultsOf descriptor: DetectionDescriptor) {
        self.init(enabled: true, thresholds: DetectionThresholds(defaultsOf: descriptor.thresholds))
    }
}
