import JSONRPC
import SocPOSIX
import SocProtocol
import SocSim

extension SecurityService {
    /// Runs a hunt over the retained events. Parse errors are invalid params whose data carries
    /// the column, the length of the offending token and the caret diagnostic.
    func hunt(_ query: HuntQuery) throws -> LogsQueryRequest.Result {
        try state.withLock { state in
            let symbols = state.monitor.symbols
            let compiled: CompiledHunt
            do {
                compiled = try CompiledHunt(query, symbols: symbols)
            } catch let error as HuntQueryError {
                throw RPCError(
                    code: RPCErrorCode.invalidParams, message: "Invalid params: where: \(error.message)",
                    data: [
                        "kind": "invalidParams", "field": "where", "reason": .string(error.message),
                        "column": .int(error.column), "length": .int(error.length),
                        "diagnostic": .string(error.diagnostic(for: query.where)),
                    ])
            }
            let result = compiled.run(on: state.monitor.store, symbols: symbols)
            if !query.groupBy.isEmpty {
                return LogsQueryRequest.Result(
                    scanned: result.scanned, matched: result.matched, events: nil, groupBy: query.groupBy,
                    groups: result.groups.map { HuntGroupInfo(values: $0.values, count: $0.count) },
                    distinctGroups: result.distinctGroups)
            }
            return LogsQueryRequest.Result(
                scanned: result.scanned, matched: result.matched,
                events: result.events.map { event in
                    var ecs: [String: JSONValue] = [:]
                    for field in ECSField.allCases {
                        guard let value = event.value(of: field, symbols: symbols) else { continue }
                        if case .integer(let number) = value, field != .timestamp {
                            ecs[field.rawValue] = .int(Int(number))
                        } else if field == .timestamp {
                            ecs[field.rawValue] = .string(ISO8601.format(milliseconds: event.timestampMilliseconds))
                        } else {
                            ecs[field.rawValue] = .string(value.rendered(with: symbols))
                        }
                    }
                    return HuntEventInfo(
                        sequence: Int(event.sequence), tick: Int(event.tick), source: event.dataset.rawValue, ecs: ecs,
                        line: event.nativeLine(symbols: symbols))
                }, groupBy: nil, groups: nil, distinctGroups: nil)
        }
    }

    /// Whether `query` parses, as `hunts.save` requires.
    func validate(_ query: HuntQuery) throws {
        var probe = query
        probe.limit = 1
        probe.sinceTick = .max
        _ = try hunt(probe)
    }
}
