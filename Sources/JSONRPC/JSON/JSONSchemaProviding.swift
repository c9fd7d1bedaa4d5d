/// A type that states its own schema instead of having `JSONSchema.infer` trace its decoder,
/// for types whose `init(from:)` validates (IP addresses, CIDRs, port ranges) or whose shape a
/// trace cannot see (enums with payloads).
package protocol JSONSchemaProviding {
    static var jsonSchema: JSONSchema { get }
    /// A value that this type's `init(from:)` accepts, used to build an instance while an
    /// enclosing type is traced. Defaults to `jsonSchema.exampleValue`.
    static var jsonSchemaExample: JSONValue { get }
}

extension JSONSchemaProviding {
    package static var jsonSchemaExample: JSONValue { jsonSchema.exampleValue }
}

/// A string enum that the schema lists by its raw values.
///
/// The tracer supplies the first case when an enclosing type decodes one, so the enclosing
/// `init(from:)` runs to completion.
package protocol JSONSchemaEnum: CaseIterable, RawRepresentable where RawValue == String {}

extension JSONSchemaEnum {
    static var jsonSchemaRawValues: [String] { allCases.map(\.rawValue) }
    static var jsonSchemaFirstCase: Self? { allCases.first }
}

/// A type whose properties carry descriptions in the schema, keyed by member name.
package protocol JSONSchemaDocumented {
    static var fieldDescriptions: [String: String] { get }
}
