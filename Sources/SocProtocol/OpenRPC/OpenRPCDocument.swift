import JSONRPC

/// Builds the OpenRPC 1.2 document that `rpc.discover` returns and `clients/openrpc.json` holds.
///
/// Everything in it comes from the method types: names, summaries, param and result schemas
/// (inferred from their Codable shape), access levels and error codes. Nothing is written twice.
package enum OpenRPCDocument {
    package static let openRPCVersion = "1.2.6"

    package static func make(version: String, methods: [any SocMethod.Type] = SocAPI.methods) -> JSONValue {
        .object([
            "openrpc": .string(openRPCVersion),
            "info": .object([
                "title": "socd",
                "version": .string(version),
                "description": .string(
                    "A Security Operations Center in a box: JSON-RPC 2.0 over a Unix socket, one JSON value per line."),
                "license": .object(["name": "MIT"]),
            ]),
            "methods": .array(methods.map(describe)),
            "components": .object([
                "errors": .object(
                    Dictionary(
                        uniqueKeysWithValues: RPCErrorCode.catalog.map { entry in
                            (
                                entry.kind,
                                JSONValue.object([
                                    "code": .int(entry.code),
                                    "message": .string(entry.meaning),
                                    "data": .object(["kind": .string(entry.kind)]),
                                ])
                            )
                        }))
            ]),
            "x-notifications": .array([
                .object([
                    "name": .string(EventNotification.method),
                    "summary": "Sent to connections that called events.subscribe, one per event.",
                    "params": .array(parameters(of: EventNotification.self)),
                ])
            ]),
        ])
    }

    private static func describe(_ method: any SocMethod.Type) -> JSONValue {
        var object: [String: JSONValue] = [
            "name": .string(method.method),
            "summary": .string(method.summary),
            "paramStructure": "by-name",
            "params": .array(parameters(of: method.paramsType)),
            "result": .object([
                "name": .string(method.resultName),
                "schema": JSONSchema.infer(method.resultType).jsonValue,
            ]),
            "x-access": .string(method.access.rawValue),
        ]
        if let details = method.details { object["description"] = .string(details) }
        let standard = [RPCErrorCode.invalidParams]
        let codes = standard + method.errors + (method.access == .write ? [RPCErrorCode.permissionDenied] : [])
        var seen = Set<Int>()
        object["errors"] = .array(
            codes.filter { seen.insert($0).inserted }.compactMap { code in
                RPCErrorCode.catalog.first { $0.code == code }.map {
                    .object(["$ref": .string("#/components/errors/\($0.kind)")])
                }
            })
        return object.isEmpty ? .null : .object(object)
    }

    /// One content descriptor per property of a by-name params object.
    private static func parameters(of type: any Decodable.Type) -> [JSONValue] {
        let schema = JSONSchema.infer(type).jsonValue
        guard let properties = schema["properties"]?.objectValue else { return [] }
        let required = Set((schema["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        return properties.keys.sorted().map { name in
            var descriptor: [String: JSONValue] = [
                "name": .string(name),
                "required": .bool(required.contains(name)),
                "schema": properties[name]!,
            ]
            if let description = properties[name]?["description"] { descriptor["description"] = description }
            return .object(descriptor)
        }
    }
}

extension SocMethod {
    fileprivate static var paramsType: any Decodable.Type { Params.self }
    fileprivate static var resultType: any Decodable.Type { Result.self }
}
