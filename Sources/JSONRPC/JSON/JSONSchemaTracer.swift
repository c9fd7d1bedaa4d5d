/// Runs `init(from:)` of the types being described and collects what they read.
///
/// Every decode must produce a real value so that the traced initializer can finish: primitives
/// get placeholders, enums their first case, `JSONSchemaProviding` types their example.
/// Recursive types are cut off: a type met again inside itself is described as any value and
/// built in "minimal" mode, where arrays are empty and optionals absent.
final class JSONSchemaTracer {
    private var inProgress: [ObjectIdentifier] = []
    /// Greater than zero while building a placeholder for a recursive reference.
    private(set) var minimalDepth = 0
    private static let recursionLimit = 16

    var isMinimal: Bool { minimalDepth > 0 }

    func trace<T: Decodable>(_ type: T.Type) throws -> (schema: JSONSchema, value: T) {
        if T.self == JSONValue.self { return (.any, JSONValue.null as! T) }
        if let primitive = T.self as? any JSONSchemaTracedPrimitive.Type {
            return (primitive.tracedSchema, primitive.tracedPlaceholder as! T)
        }
        if let enumeration = T.self as? any JSONSchemaEnum.Type {
            return try Self.traceEnum(enumeration, as: T.self)
        }
        if let provider = T.self as? any JSONSchemaProviding.Type {
            let example = provider.jsonSchemaExample
            do {
                return (provider.jsonSchema, try JSONValueDecoder().decode(T.self, from: example))
            } catch {
                throw JSONSchemaTracingError(
                    typeName: "\(T.self)", reason: "its jsonSchemaExample \(example) does not decode: \(error)")
            }
        }
        if let dictionary = T.self as? any JSONSchemaTracedDictionary.Type {
            let values = try dictionary.traceValueSchema(with: self)
            return (.object(properties: [:], additionalProperties: .schema(values)), dictionary.emptyForTracing as! T)
        }

        let identifier = ObjectIdentifier(T.self)
        if inProgress.contains(identifier) {
            guard minimalDepth < Self.recursionLimit else {
                throw JSONSchemaTracingError(
                    typeName: "\(T.self)", reason: "it contains itself through non-optional properties")
            }
            minimalDepth += 1
            defer { minimalDepth -= 1 }
            let value = try run(T.self, on: JSONSchemaTracerNode(tracer: self))
            return (JSONSchema(description: "recursive reference to \(T.self)"), value)
        }
        inProgress.append(identifier)
        defer { inProgress.removeLast() }

        let node = JSONSchemaTracerNode(tracer: self)
        let value = try run(T.self, on: node)
        var schema = node.builder.finishedSchema()
        if let documented = T.self as? any JSONSchemaDocumented.Type {
            for (name, description) in documented.fieldDescriptions where schema.properties[name] != nil {
                schema.properties[name]?.description = description
            }
        }
        return (schema, value)
    }

    private func run<T: Decodable>(_ type: T.Type, on node: JSONSchemaTracerNode) throws -> T {
        do {
            return try T(from: node)
        } catch let error as JSONSchemaTracingError {
            throw error
        } catch {
            throw JSONSchemaTracingError(typeName: "\(T.self)", reason: "its init(from:) threw \(error)")
        }
    }

    private static func traceEnum<E: JSONSchemaEnum, T>(
        _ enumeration: E.Type, as type: T.Type
    ) throws(JSONSchemaTracingError) -> (schema: JSONSchema, value: T) {
        guard let first = E.jsonSchemaFirstCase as? T else {
            throw JSONSchemaTracingError(typeName: "\(T.self)", reason: "it has no cases")
        }
        return (.enumeration(E.jsonSchemaRawValues), first)
    }
}

/// Collects the schema of one traced value; nested containers fill their own builders, which
/// are folded in when the schema is finished.
final class JSONSchemaBuilder {
    var schema = JSONSchema()
    private var optionalKeys: Set<String> = []
    private var nestedProperties: [(key: String, builder: JSONSchemaBuilder, isRequired: Bool)] = []
    private var nestedItems: JSONSchemaBuilder?

    func markObject() {
        schema.type = .object
    }

    /// Notes that the type checks for `key` before (or instead of) decoding it.
    func markOptional(_ key: String) {
        markObject()
        optionalKeys.insert(key)
        schema.required.removeAll { $0 == key }
    }

    func record(_ key: String, _ property: JSONSchema, isRequired: Bool) {
        markObject()
        schema.properties[key] = property
        if !isRequired { markOptional(key) }
        if isRequired && !optionalKeys.contains(key) && !schema.required.contains(key) {
            schema.required.append(key)
        }
    }

    /// Makes `builder`, filled by a nested container, the schema of the required member `key`.
    func adopt(_ builder: JSONSchemaBuilder, as key: String) {
        markObject()
        nestedProperties.append((key, builder, true))
    }

    func setItems(_ items: JSONSchema) {
        schema.type = .array
        if schema.items == nil { schema.items = items }
    }

    /// Makes `builder`, filled by a nested container, the schema of the array's items.
    func adoptItems(_ builder: JSONSchemaBuilder) {
        schema.type = .array
        if nestedItems == nil { nestedItems = builder }
    }

    func finishedSchema() -> JSONSchema {
        var result = schema
        for (key, builder, isRequired) in nestedProperties {
            result.properties[key] = builder.finishedSchema()
            if isRequired && !optionalKeys.contains(key) && !result.required.contains(key) {
                result.required.append(key)
            }
        }
        if let nestedItems, result.items == nil { result.items = nestedItems.finishedSchema() }
        if result.type == .array && result.items == nil { result.items = .any }
        return result
    }
}

/// A primitive the tracer answers directly with a schema and a placeholder value.
protocol JSONSchemaTracedPrimitive: Decodable {
    static var tracedSchema: JSONSchema { get }
    static var tracedPlaceholder: Self { get }
}

extension Bool: JSONSchemaTracedPrimitive {
    static var tracedSchema: JSONSchema { .boolean }
    static var tracedPlaceholder: Bool { false }
}

extension String: JSONSchemaTracedPrimitive {
    static var tracedSchema: JSONSchema { .string() }
    static var tracedPlaceholder: String { "" }
}

extension Double: JSONSchemaTracedPrimitive {
    static var tracedSchema: JSONSchema { .number }
    static var tracedPlaceholder: Double { 0 }
}

extension Float: JSONSchemaTracedPrimitive {
    static var tracedSchema: JSONSchema { .number }
    static var tracedPlaceholder: Float { 0 }
}

extension FixedWidthInteger where Self: Decodable {
    /// 64-bit signed integers span every JSON integer we emit, so only narrower (or unsigned)
    /// types state bounds.
    static var tracedSchema: JSONSchema {
        var schema = JSONSchema.integer()
        if Self.isSigned && Self.bitWidth >= 64 { return schema }
        schema.minimum = JSONBoxing.box(Self.min)
        if Self.bitWidth < 64 { schema.maximum = JSONBoxing.box(Self.max) }
        return schema
    }

    static var tracedPlaceholder: Self { 0 }
}

extension Int: JSONSchemaTracedPrimitive {}
extension Int8: JSONSchemaTracedPrimitive {}
extension Int16: JSONSchemaTracedPrimitive {}
extension Int32: JSONSchemaTracedPrimitive {}
extension Int64: JSONSchemaTracedPrimitive {}
extension UInt: JSONSchemaTracedPrimitive {}
extension UInt8: JSONSchemaTracedPrimitive {}
extension UInt16: JSONSchemaTracedPrimitive {}
extension UInt32: JSONSchemaTracedPrimitive {}
extension UInt64: JSONSchemaTracedPrimitive {}

/// `[String: Value]`, described as an object whose members are all `Value`.
protocol JSONSchemaTracedDictionary {
    static func traceValueSchema(with tracer: JSONSchemaTracer) throws -> JSONSchema
    static var emptyForTracing: Self { get }
}

extension Dictionary: JSONSchemaTracedDictionary where Key == String, Value: Decodable {
    static func traceValueSchema(with tracer: JSONSchemaTracer) throws -> JSONSchema {
        try tracer.trace(Value.self).schema
    }

    static var emptyForTracing: [String: Value] { [:] }
}
