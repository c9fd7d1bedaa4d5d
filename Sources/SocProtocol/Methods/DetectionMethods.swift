import JSONRPC

/// `detections.list`: every detection with its settings.
package struct DetectionsListRequest: SocMethod {
    package static let method = "detections.list"
    package static let summary = "The SIEM's detections: what each looks for, its ATT&CK technique and thresholds."
    package static let access = MethodAccess.read
    package typealias Params = RPCNoParams

    package struct Result: Codable, Sendable, Hashable {
        package var detections: [DetectionInfo]
        package init(detections: [DetectionInfo]) { self.detections = detections }
    }
}

/// `detections.update`: enable, disable or retune a detection; persisted.
package struct DetectionsUpdateRequest: SocMethod {
    package static let method = "detections.update"
    package static let summary = "Enables, disables or retunes a detection (all given thresholds or none); persisted."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.notFound, RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var id: String
        package var enabled: Bool?
        package var thresholds: [String: Double]?
        package init(id: String, enabled: Bool? = nil, thresholds: [String: Double]? = nil) {
            self.id = id
            self.enabled = enabled
            self.thresholds = thresholds
        }
        package static let fieldDescriptions = [
            "id": "The detection's id, as detections.list shows it.",
            "enabled": "Turns it on or off.",
            "thresholds": "New values by threshold name; each must be within its bounds.",
        ]
    }

    package typealias Result = DetectionInfo
}
