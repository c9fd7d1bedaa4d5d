import SocPOSIX
import SocProtocol
import SocStore

/// Everything request handlers work with, built once at start.
package struct DaemonServices: Sendable {
    package var logger: Logger
    package var store: Store
    package var events: EventBus
    package var metrics: ServerMetrics
    package var authorizer: Authorizer
    package var audit: AuditRecorder
    package var firewall: FirewallService
    package var simulation: SimulationService
    package var security: SecurityService
    package var facts: DaemonFacts
}

/// What the daemon knows of itself, for `system.status` and `system.version`.
package struct DaemonFacts: Sendable {
    package var pid: Int
    package var startedAtMilliseconds: Int64
    package var startedAtMonotonicMilliseconds: Int64
    package var listenerOrigin: Listener.Origin
    package var socketPath: String
    package var stateDirectory: String
    package var exitIdleSeconds: Double?
    package var revision: String
}

extension DaemonServices {
    /// Builds the services over an open store: the one place that knows what they are and how
    /// they depend on each other, shared by the daemon and the in-process tests.
    package static func assemble(
        store: Store, logger: Logger, authorizer: Authorizer, facts: DaemonFacts, events: EventBus = EventBus(),
        metrics: ServerMetrics = ServerMetrics()
    ) throws -> DaemonServices {
        let firewall: FirewallService
        do {
            firewall = try FirewallService(store: store, events: events, logger: logger)
        } catch {
            logger.error("cannot load the firewall rules from \(store.path): \(error)")
            throw error
        }
        let security: SecurityService
        do {
            security = try SecurityService(store: store, events: events, logger: logger)
        } catch {
            logger.error("cannot load the SIEM's alerts, incidents and indicators: \(error)")
            throw error
        }
        let simulation: SimulationService
        do {
            simulation = try SimulationService(
                store: store, firewall: firewall, events: events, logger: logger,
                flagSecret: FlagSecretFile.loadOrCreate(stateDirectory: facts.stateDirectory, logger: logger),
                security: security)
        } catch {
            logger.error("cannot load the simulation: \(error)")
            throw error
        }
        return DaemonServices(
            logger: logger, store: store, events: events, metrics: metrics, authorizer: authorizer,
            audit: AuditRecorder(store: store, events: events, logger: logger), firewall: firewall,
            simulation: simulation, security: security, facts: facts)
    }
}
