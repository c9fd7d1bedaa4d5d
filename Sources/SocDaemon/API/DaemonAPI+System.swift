import JSONRPC
import SocPOSIX
import SocProtocol
import SocStore

extension DaemonAPI {
    static func registerSystem(_ router: inout RPCRouter<RequestContext>, _ services: DaemonServices) {
        let pong = PingRequest.Result()
        router.register(PingRequest.self, constant: pong)

        let version = VersionRequest.Result(
            socd: SocdVersion.release, revision: services.facts.revision, protocol: SocAPI.protocolVersion,
            sqlite: Store.sqliteVersion)
        router.register(VersionRequest.self, constant: version)

        router.register(StatusRequest.self) { _, _ in
            let facts = services.facts
            let uptime = Double(MonotonicClock.milliseconds - facts.startedAtMonotonicMilliseconds) / 1000
            return StatusRequest.Result(
                pid: facts.pid, startedAt: ISO8601.format(milliseconds: facts.startedAtMilliseconds),
                uptimeSeconds: uptime, listener: facts.listenerOrigin.rawValue, socketPath: facts.socketPath,
                stateDirectory: facts.stateDirectory,
                connections: services.metrics.openConnections.load(ordering: .relaxed),
                connectionsTotal: services.metrics.acceptedConnections.load(ordering: .relaxed),
                requestsTotal: services.metrics.requests.load(ordering: .relaxed),
                subscriptions: services.events.subscriptionCount, logLevel: services.logger.level,
                residentBytes: ProcessStats.residentSetBytes() ?? 0, exitIdleSeconds: facts.exitIdleSeconds)
        }

        // Built on the first call and kept: the registry does not change while socd runs, and
        // tracing every method's Codable schemas is start-up time nobody may ever ask for.
        router.register(
            DiscoverRequest.method,
            .immediate { request, _ in
                let _: DiscoverRequest.Params = try RPCParamsCodec.decode(request.params)
                return DiscoverDocument.shared
            })

        // The copy is read through a reader connection; running it as the change's persist step
        // keeps it in the audited, serialized path without blocking readers or the event loops.
        router.registerChange(BackupRequest.self, services) { params, _ in
            let path = params.path
            guard path.hasPrefix("/") else {
                throw RPCError.invalidParams(field: "path", "\(path) is not an absolute path")
            }
            if (try? FileSystem.status(atPath: path)) ?? nil != nil {
                throw RPCError.conflict(
                    "\(path) exists; socd never overwrites a file with a backup", ["path": .string(path)])
            }
            return StateChange(
                persist: { _ in try services.store.backup(to: path) },
                apply: {
                    let bytes = ((try? FileSystem.status(atPath: path)) ?? nil)?.size ?? 0
                    services.logger.notice("database backed up to \(path) (\(bytes) bytes)")
                    return BackupRequest.Result(path: path, bytes: Int(bytes))
                })
        }

        router.registerChange(SetLogLevelRequest.self, services) { params, _ in
            StateChange(
                persist: { database in
                    try SettingsTable.setValue(params.level.rawValue, for: DaemonSettingKey.logLevel, in: database)
                },
                apply: {
                    // Read when the change applies, not when the request arrived: changes apply in
                    // commit order, and an earlier one may still have been in flight then.
                    let previous = services.logger.level
                    services.logger.level = params.level
                    services.logger.notice("log level changed from \(previous.rawValue) to \(params.level.rawValue)")
                    services.events.publish(
                        .system,
                        [
                            "event": "logLevelChanged", "previous": .string(previous.rawValue),
                            "level": .string(params.level.rawValue),
                        ])
                    return SetLogLevelRequest.Result(previous: previous, level: params.level)
                })
        }
    }
}

/// The `rpc.discover` result, built on first use (a `static let` is initialized once, on
/// whichever thread reads it first, with the others waiting).
private enum DiscoverDocument {
    static let shared = OpenRPCDocument.make(version: SocAPI.protocolVersion)
}

/// Keys of daemon settings persisted in the `settings` table.
package enum DaemonSettingKey {
    package static let logLevel = "daemon.logLevel"
}
