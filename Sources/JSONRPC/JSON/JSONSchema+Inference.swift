extension JSONSchema {
    /// The schema of the JSON that `type` decodes from, found by running its `init(from:)`
    /// against a recording decoder: `decode` makes a required property, `decodeIfPresent` (and
    /// `contains`/`decodeNil`) an optional one, an unkeyed container an array whose items are
    /// the first element's schema. Types conforming to `JSONSchemaProviding`, `JSONSchemaEnum`
    /// and `JSONSchemaDocumented` refine the result.
    ///
    /// A type that cannot be traced is a programming error in its conformances, caught by the
    /// tests of whoever declares it; this traps with the reason. Use `traced(_:)` to handle it.
    package static func infer(_ type: any Decodable.Type) -> JSONSchema {
        do {
            return try traced(type)
        } catch {
            preconditionFailure(error.description)
        }
    }

    /// As `infer(_:)`, but reports a type whose `init(from:)` fails under tracing.
    package static func traced(_ type: any Decodable.Type) throws(JSONSchemaTracingError) -> JSONSchema {
        func trace<T: Decodable>(_ type: T.Type) throws -> JSONSchema {
            try JSONSchemaTracer().trace(T.self).schema
        }
        do {
            return try trace(type)
        } catch let error as JSONSchemaTracingError {
            throw error
        } catch {
            throw JSONSchemaTracingError(typeName: "\(type)", reason: "\(error)")
        }
    }
}

/// Why `JSONSchema.traced(_:)` could not run a type's `init(from:)` to completion.
package struct JSONSchemaTracingError: Error, Sendable, CustomStringConvertible {
    package var typeName: String
    package var reason: String

    package var description: String { "cannot infer the JSON schema of \(typeName): \(reason)" }
}
