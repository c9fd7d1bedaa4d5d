import JSONRPC
import Testing

@testable import SocProtocol

@Suite("OpenRPC document")
struct OpenRPCDocumentTests {
    let document = OpenRPCDocument.make(version: SocAPI.protocolVersion)

    @Test func declaresOpenRPCAndInfo() throws {
        #expect(document["openrpc"]?.stringValue?.hasPrefix("1.") == true)
        #expect(document["info"]?["title"] == "socd")
        #expect(document["info"]?["version"]?.stringValue == SocAPI.protocolVersion)
    }

    @Test func listsEveryRegisteredMethodOnceInRegistryOrder() throws {
        let names = try #require(document["methods"]?.arrayValue).compactMap { $0["name"]?.stringValue }
        #expect(names == SocAPI.methods.map { $0.method })
        #expect(Set(names).count == names.count)
    }

    @Test func everyMethodHasByNameParamsAResultSchemaAndResolvableErrors() throws {
        let errors = try #require(document["components"]?["errors"]?.objectValue)
        for method in try #require(document["methods"]?.arrayValue) {
            let name = method["name"]?.stringValue ?? "?"
            #expect(method["paramStructure"] == "by-name", "\(name)")
            #expect(method["summary"]?.stringValue?.isEmpty == false, "\(name)")
            #expect(method["result"]?["schema"]?.objectValue != nil, "\(name) has no result schema")
            for param in method["params"]?.arrayValue ?? [] {
                #expect(param["name"]?.stringValue != nil && param["schema"]?.objectValue != nil, "\(name)")
                #expect(param["required"]?.boolValue != nil, "\(name)")
            }
            for reference in method["errors"]?.arrayValue ?? [] {
                let target = try #require(reference["$ref"]?.stringValue)
                let key = String(target.dropFirst("#/components/errors/".count))
                #expect(target.hasPrefix("#/components/errors/") && errors[key] != nil, "\(name): \(target)")
            }
        }
    }

    @Test func writeMethodsAdvertisePermissionDenied() throws {
        for method in try #require(document["methods"]?.arrayValue) where method["x-access"] == "write" {
            let references = (method["errors"]?.arrayValue ?? []).compactMap { $0["$ref"]?.stringValue }
            #expect(references.contains("#/components/errors/permissionDenied"), "\(method["name"]!)")
        }
    }

    @Test func paramsCarryTypesRequirednessAndDescriptions() throws {
        let methods = try #require(document["methods"]?.arrayValue)
        let setLevel = try #require(methods.first { $0["name"] == "system.setLogLevel" })
        let level = try #require(setLevel["params"]?.arrayValue?.first)
        #expect(level["name"] == "level")
        #expect(level["required"] == true)
        #expect(level["schema"]?["enum"] == .array(LogLevel.allCases.map { .string($0.rawValue) }))
        #expect(level["description"]?.stringValue?.isEmpty == false)

        let audit = try #require(methods.first { $0["name"] == "audit.list" })
        let limit = try #require(audit["params"]?.arrayValue?.first { $0["name"] == "limit" })
        #expect(limit["required"] == false)
        #expect(limit["schema"]?["type"] == "integer")
    }

    @Test func errorCatalogHasStableKindsAndCodes() throws {
        let errors = try #require(document["components"]?["errors"]?.objectValue)
        let expected: [String: Int] = [
            "parseError": -32700, "invalidRequest": -32600, "methodNotFound": -32601, "invalidParams": -32602,
            "internal": -32603, "notFound": -32001, "conflict": -32002, "permissionDenied": -32003,
            "invalidState": -32004, "storage": -32005, "overloaded": -32006,
        ]
        for (kind, code) in expected {
            #expect(errors[kind]?["code"]?.intValue == code, "\(kind)")
            #expect(errors[kind]?["data"]?["kind"]?.stringValue == kind)
        }
    }

    @Test func documentsTheEventNotification() throws {
        let notification = try #require(document["x-notifications"]?.arrayValue?.first)
        #expect(notification["name"] == "events.event")
        let names = (notification["params"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        #expect(names == ["data", "subscription", "topic"])
    }
}
