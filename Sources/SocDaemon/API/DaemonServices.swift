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
