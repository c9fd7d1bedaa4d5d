/// The subset of JSON Schema that an OpenRPC document needs to describe method params and
/// results. An empty schema (`JSONSchema.any`) accepts every value.
package struct JSONSchema: Sendable, Hashable {
    /// The JSON Schema primitive type names.
    package enum Kind: String, Sendable, Hashable {
        case object, array, string, integer, number, boolean, null
    }

    /// Whether members not listed in `properties` are allowed, and if so what they look like.
    package indirect enum AdditionalProperties: Sendable, Hashable {
        case allowed(Bool)
        case schema(JSONSchema)
    }

    package var type: Kind?
    package var description: String?
    /// A string format such as `ipv4` or `date-time`.
    package var format: String?
    package var properties: [String: JSONSchema] = [:]
    /// Required property names, in the order the type reads them.
    package var required: [String] = []
    /// The schema of `enum` in JSON Schema: the only values allowed.
    package var enumValues: [JSONValue]?
    package var additionalProperties: AdditionalProperties?
    package var oneOf: [JSONSchema] = []
    package var minimum: JSONValue?
    package var maximum: JSONValue?
    // An array so that the struct can contain itself.
    private var itemsStorage: [JSONSchema] = []

    package init(type: Kind? = nil, description: String? = nil, format: String? = nil) {
        self.type = type
        self.description = description
        self.format = format
    }

    /// The schema of every element of an array.
    package var items: JSONSchema? {
        get { itemsStorage.first }
        set { itemsStorage = newValue.map { [$0] } ?? [] }
    }

    /// Accepts any value.
    package static let any = JSONSchema()

    package static func string(format: String? = nil, description: String? = nil) -> JSONSchema {
        JSONSchema(type: .string, description: description, format: format)
    }

    package static func integer(minimum: Int? = nil, maximum: Int? = nil) -> JSONSchema {
        var schema = JSONSchema(type: .integer)
        schema.minimum = minimum.map(JSONValue.int)
        schema.maximum = maximum.map(JSONValue.int)
        return schema
    }

    package static let number = JSONSchema(type: .number)
    package static let boolean = JSONSchema(type: .boolean)

    package static func array(of items: JSONSchema) -> JSONSchema {
        var schema = JSONSchema(type: .array)
        schema.items = items
        return schema
    }

    package static func object(
        properties: [String: JSONSchema], required: [String] = [],
        additionalProperties: AdditionalProperties? = nil
    ) -> JSONSchema {
        var schema = JSONSchema(type: .object)
        schema.properties = properties
        schema.required = required
        schema.additionalProperties = additionalProperties
        return schema
    }

    /// A string restricted to `values`.
    package static func enumeration(_ values: [String]) -> JSONSchema {
        var schema = JSONSchema(type: .string)
        schema.enumValues = values.map(JSONValue.string)
        return schema
    }

    package static func oneOf(_ alternatives: [JSONSchema], description: String? = nil) -> JSONSchema {
        var schema = JSONSchema(description: description)
        schema.oneOf = alternatives
        return schema
    }

    /// A copy with `description` set.
    package func described(_ description: String) -> JSONSchema {
        var copy = self
        copy.description = description
        return copy
    }
}
