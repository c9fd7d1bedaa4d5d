/// A refused alert operation.
package struct AlertError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Kind: String, Sendable, Hashable {
        case notFound
    }

    package var kind: Kind
    package var message: String

    package var description: String { message }

    package static func notFound(_ id: Int64) -> AlertError {
        AlertError(kind: .notFound, message: "no alert \(id)")
    }
}
