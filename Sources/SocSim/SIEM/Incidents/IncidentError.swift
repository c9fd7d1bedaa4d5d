/// A refused incident change, with a message that names the move and what to do instead.
package struct IncidentError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Kind: String, Sendable, Hashable {
        /// A status move the state machine does not allow (API: invalidState).
        case invalidTransition
        /// A malformed field (API: invalid params).
        case invalidField
        case notFound
    }

    package var kind: Kind
    package var message: String

    package var description: String { message }

    package static func invalidTransition(id: Int64, from: IncidentStatus, to: IncidentStatus) -> IncidentError {
        let message: String
        if from == to {
            message = "incident \(id) is already \(from.rawValue)"
        } else if from.isClosed {
            message = "cannot move incident \(id) from \(from.rawValue) to \(to.rawValue); use reopen"
        } else {
            let allowed = from.allowedMoves.map(\.rawValue).joined(separator: ", ")
            message = "cannot move incident \(id) from \(from.rawValue) to \(to.rawValue); allowed: \(allowed)"
        }
        return IncidentError(kind: .invalidTransition, message: message)
    }

    package static func notClosed(id: Int64, status: IncidentStatus) -> IncidentError {
        IncidentError(
            kind: .invalidTransition,
            message: "cannot reopen incident \(id): it is \(status.rawValue), not resolved, falsePositive or duplicate")
    }

    package static func invalidField(_ field: String, _ problem: String) -> IncidentError {
        IncidentError(kind: .invalidField, message: "\(field): \(problem)")
    }

    package static func notFound(_ id: Int64) -> IncidentError {
        IncidentError(kind: .notFound, message: "no incident \(id)")
    }
}
