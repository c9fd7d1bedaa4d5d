import JSONRPC
import SocPOSIX
import SocProtocol
import SocSim

extension DaemonAPI {
    static func registerIntel(_ router: inout RPCRouter<RequestContext>, _ services: DaemonServices) {
        let security = services.security
        let revert: @Sendable () -> Void = { security.reloadIntel() }

        router.registerChange(IntelAddRequest.self, services) {
            params, _ -> StateChange<[(Int64, Indicator)], IndicatorInfo> in
            let expiry = try params.ttl.map { ttl in
                do {
                    return WallClock.nowMilliseconds + (try RuleTimeToLive.parse(ttl.ruleFieldValue)).milliseconds
                } catch let error as RuleFieldError {
                    throw RPCError.invalidParams(field: "ttl", error.message)
                }
            }
            let indicator = try intel { () throws(IntelError) in
                if let type = params.type {
                    guard let kind = IndicatorKind(rawValue: type.lowercased()) else {
                        throw IntelError.invalidFeed(
                            "type \"\(type)\" is not \(IndicatorKind.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return try Indicator(
                        kind: kind, value: params.value, source: params.source ?? "",
                        confidence: params.confidence ?? 50,
                        tags: params.tags ?? [], expiresAtMilliseconds: expiry)
                }
                return try Indicator(
                    detecting: params.value, source: params.source ?? "", confidence: params.confidence ?? 50,
                    tags: params.tags ?? [], expiresAtMilliseconds: expiry)
            }
            return StateChange(
                persist: { db in try security.addIndicators([indicator], in: db) },
                apply: { saved in saved[0].1.info(id: saved[0].0) }, revert: revert)
        }

        router.register(IntelListRequest.self) { params, _ in
            let kind = try params.type.map { type in
                guard let kind = IndicatorKind(rawValue: type.lowercased()) else {
                    throw RPCError.invalidParams(field: "type", "\"\(type)\" is not an indicator type")
                }
                return kind
            }
            let limit = params.limit ?? 1000
            guard (1...10_000).contains(limit) else {
                throw RPCError.invalidParams(field: "limit", "\(limit) is outside 1-10000")
            }
            let all = security.indicators(kind: kind)
            return IntelListRequest.Result(
                indicators: all.dropFirst(max(0, params.offset ?? 0)).prefix(limit).map { $0.1.info(id: $0.0) },
                total: all.count)
        }

        router.registerChange(IntelDeleteRequest.self, services) { params, _ in
            StateChange(
                persist: { db in try security.deleteIndicator(id: Int64(params.id), in: db) },
                apply: { deleted in deleted.1.info(id: deleted.0) }, revert: revert)
        }

        router.registerChange(IntelImportRequest.self, services) { params, _ in
            let defaults = IntelImportDefaults(source: params.source ?? "import", confidence: params.confidence ?? 50)
            let format = params.format.lowercased()
            let indicators = try intel { () throws(IntelError) in
                switch format {
                case "plain": return try PlainIntelListParser.parse(params.content, defaults: defaults)
                case "csv": return try CSVIntelParser.parse(params.content, defaults: defaults)
                case "stix": return try STIXBundleParser.parse(params.content, defaults: defaults)
                default: throw IntelError.invalidFeed("format \"\(params.format)\" is not plain, csv or stix")
                }
            }
            return StateChange(
                persist: { db in try security.addIndicators(indicators, in: db) },
                apply: { saved in IntelImportRequest.Result(imported: saved.count) }, revert: revert)
        }

        router.register(IntelCheckRequest.self) { params, _ in
            let match = security.check(params.value)
            return IntelCheckRequest.Result(
                value: params.value, matched: match != nil, indicator: match.map { $0.1.info(id: $0.0) })
        }
    }

    /// Intel refusals are invalid params naming the line, when a feed has lines.
    private static func intel<T>(_ body: () throws(IntelError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            var data: [String: JSONValue] = ["kind": "invalidParams", "reason": .string(error.description)]
            if let line = error.line { data["line"] = .int(line) }
            throw RPCError(
                code: RPCErrorCode.invalidParams, message: "Invalid params: \(error.description)", data: .object(data))
        }
    }
}
