import JSONRPC
import SocPOSIX
import SocProtocol
import SocStore

extension DaemonAPI {
    static func registerSystem(_ router: inout RPCRouter<RequestContext>, _ services: DaemonServices) {
        let pong = PingRequest.Result()
        router.register(PingRequest.self) { _, _ in pong }

        let version = VersionRequest.Result(
            socd: SocdVersion.release, revision: services.facts.revision, protocol: SocAPI.protocolVersion,
            sqlite: Store.sqliteVersion)
        router.register(VersionRequest.self) { _, _ in version }

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

        // Built once: the registry does not change while socd runs.
        let document = OpenRPCDocument.make(version: SocAPI.protocolVersion)
        router.register(DiscoverRequest.self) { _, _ in document }

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
                        ["event": "logLevelChanged", "previous": .string(previous.rawValue), "level": .string(params.level.rawValue)])
                    return SetLogLevelRequest.Result(previous: previous, level: params.level)
                })
        }
    }
}

/// Keys of daemon settings persisted in the `settings` table.
package enum DaemonSettingKey {
    package static let logLevel = "daemon.logLevel"
}
