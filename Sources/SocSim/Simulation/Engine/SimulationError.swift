/// Why a simulation could not be created or restored.
package struct SimulationError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Kind: String, Sendable, Hashable {
        case unknownScenario, unsupportedSnapshot, invalidSnapshot
    }

    package var kind: Kind
    package var message: String

    package var description: String { message }

    package static func unknownScenario(_ name: String, known: [String]) -> SimulationError {
        SimulationError(
            kind: .unknownScenario,
            message: "no scenario named \"\(name)\"; known: \(known.joined(separator: ", "))")
    }

    package static func unsupportedSnapshot(version: Int) -> SimulationError {
        SimulationError(
            kind: .unsupportedSnapshot,
            message:
                "snapshot format \(version) is not supported (this build reads \(SimulationSnapshot.currentFormatVersion))"
        )
    }

    package static func invalidSnapshot(_ reason: String) -> SimulationError {
        SimulationError(kind: .invalidSnapshot, message: "invalid simulation snapshot: \(reason)")
    }
}
