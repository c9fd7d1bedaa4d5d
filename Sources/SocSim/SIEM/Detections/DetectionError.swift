/// A refused change to a detection's settings.
package struct DetectionError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Kind: String, Sendable, Hashable {
        case unknownDetection, unknownThreshold, invalidThreshold
    }

    package var kind: Kind
    package var message: String

    package var description: String { message }

    package static func unknownDetection(_ id: String, known: [String]) -> DetectionError {
        DetectionError(
            kind: .unknownDetection, message: "no detection '\(id)'; known: \(known.joined(separator: ", "))")
    }

    package static func unknownThreshold(_ name: String, detectionID: String, known: [String]) -> DetectionError {
        DetectionError(
            kind: .unknownThreshold,
            message: "detection '\(detectionID)' has no threshold '\(name)'; known: \(known.joined(separator: ", "))")
    }

    package static func invalidThreshold(_ name: String, detectionID: String, problem: String) -> DetectionError {
        DetectionError(kind: .invalidThreshold, message: "threshold '\(name)' of detection '\(detectionID)' \(problem)")
    }
}
