import JSONRPC
import SocPOSIX
import SocProtocol
import SocSim
import SocStore

extension DaemonAPI {
    static func registerHunting(_ router: inout RPCRouter<RequestContext>, _ services: DaemonServices) {
        let security = services.security
        let store = services.store

        router.register(LogsQueryRequest.self) { params, _ in
            try security.hunt(try huntQuery(params))
        }

        router.registerChange(HuntsSaveRequest.self, services) { params, _ in
            let name = params.name.trimmingWhitespace
            guard !name.isEmpty, name.count <= 64 else {
                throw RPCError.invalidParams(field: "name", "must be 1-64 characters")
            }
            try security.validate(
                try huntQuery(LogsQueryRequest.Params(where: params.query, groupBy: params.groupBy)))
            let hunt = SavedHunt(
                name: name, query: params.query, groupBy: params.groupBy ?? [],
                createdAtMilliseconds: WallClock.nowMilliseconds)
            return StateChange(persist: { db in try HuntTable.save(hunt, in: db) }, apply: { hunt.info })
        }

        router.register(HuntsListRequest.self) { _, _ in
            HuntsListRequest.Result(hunts: try store.read { db in try HuntTable.loadAll(in: db) }.map(\.info))
        }

        router.register(HuntsRunRequest.self) { params, _ in
            guard let hunt = try store.read({ db in try HuntTable.load(name: params.name, in: db) }) else {
                throw noSuchHunt(params.name)
            }
            return try security.hunt(
                try huntQuery(LogsQueryRequest.Params(where: hunt.query, limit: params.limit, groupBy: hunt.groupBy)))
        }

        router.registerChange(HuntsDeleteRequest.self, services) { params, _ in
            StateChange(
                persist: { db in
                    guard try HuntTable.delete(name: params.name, in: db) else { throw noSuchHunt(params.name) }
                }, apply: { HuntsDeleteRequest.Result(deleted: params.name) })
        }
    }

    static func noSuchHunt(_ name: String) -> RPCError {
        .notFound("no saved hunt named \"\(name)\"", ["name": .string(name)])
    }

    static func huntQuery(_ params: LogsQueryRequest.Params) throws -> HuntQuery {
        let limit = params.limit ?? 100
        guard (1...LogsQueryRequest.maximumLimit).contains(limit) else {
            throw RPCError.invalidParams(field: "limit", "\(limit) is outside 1-\(LogsQueryRequest.maximumLimit)")
        }
        let source = try params.source.map { text in
            guard let dataset = LogDataset(rawValue: text.lowercased()) else {
                throw RPCError.invalidParams(
                    field: "source",
                    "\"\(text)\" is not \(LogDataset.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return dataset
        }
        return HuntQuery(
            source: source, where: params.where, sinceTick: params.sinceTick.map(Int64.init),
            untilTick: params.untilTick.map(Int64.init), limit: limit, groupBy: params.groupBy ?? [],
            orderBy: params.orderBy)
    }
}

extension SavedHunt {
    var info: SavedHuntInfo {
        SavedHuntInfo(
            name: name, query: query, groupBy: groupBy, createdAt: ISO8601.format(milliseconds: createdAtMilliseconds))
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
