extension JSONSchema {
    /// The schema as the JSON object an OpenRPC document embeds.
    package var jsonValue: JSONValue {
        var object: [String: JSONValue] = [:]
        if let type { object["type"] = .string(type.rawValue) }
        if let description { object["description"] = .string(description) }
        if let format { object["format"] = .string(format) }
        if !properties.isEmpty { object["properties"] = .object(properties.mapValues(\.jsonValue)) }
        if !required.isEmpty { object["required"] = .array(required.map(JSONValue.string)) }
        if let items { object["items"] = items.jsonValue }
        if let enumValues { object["enum"] = .array(enumValues) }
        switch additionalProperties {
        case .allowed(let allowed): object["additionalProperties"] = .bool(allowed)
        case .schema(let schema): object["additionalProperties"] = schema.jsonValue
        case nil: break
        }
        if !oneOf.isEmpty { object["oneOf"] = .array(oneOf.map(\.jsonValue)) }
        if let minimum { object["minimum"] = minimum }
        if let maximum { object["maximum"] = maximum }
        return .object(object)
    }

    /// A value that fits this schema, for tracing types whose decoders validate their input.
    /// Takes the first `enum` value, the `minimum`, the first `oneOf`, and fills required
    /// properties; a string with a `format` cannot be guessed and comes out empty.
    package var exampleValue: JSONValue {
        if let first = enumValues?.first { return first }
        if let first = oneOf.first { return first.exampleValue }
        switch type {
        case .object:
            var members: [String: JSONValue] = [:]
            for name in required { members[name] = properties[name]?.exampleValue ?? .null }
            return .object(members)
        case .array: return .array([])
        case .string: return .string("")
        case .integer: return minimum ?? .int(0)
        case .number: return minimum ?? .double(0)
        case .boolean: return .bool(false)
        case .null, nil: return .null
        }
    }
}
