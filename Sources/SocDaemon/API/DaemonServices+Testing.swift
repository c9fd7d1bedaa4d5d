import Glibc
import SocPOSIX
import SocStore

extension DaemonServices {
    /// The services `Daemon` builds, over a store opened in `stateDirectory`, without a listener:
    /// for tests that drive `DaemonAPI.makeRouter` in-process, or serve it on a socket of their own.
    ///
    /// Unlike socd, nothing here runs maintenance (expiry, hit counters) on a timer; tests call
    /// `firewall.purgeExpired` themselves. Call `store.close()` when done.
    package static func makeForTesting(
        stateDirectory: String, socketPath: String = "(in-process)", logger: Logger? = nil,
        storeOptions: StoreOptions = StoreOptions()
    ) throws -> DaemonServices {
        let logger = logger ?? Logger(level: .warning, sink: .memory(LogCapture()))
        let store = try Store.open(stateDirectory: stateDirectory, options: storeOptions)
        let events = EventBus()
        let firewall: FirewallService
        do {
            firewall = try FirewallService(store: store, events: events, logger: logger)
        } catch {
            store.close()
            throw error
        }
        let uid = Accounts.effectiveUID
        let facts = DaemonFacts(
            pid: Int(getpid()), startedAtMilliseconds: SocPOSIX.WallClock.nowMilliseconds,
            startedAtMonotonicMilliseconds: MonotonicClock.milliseconds, listenerOrigin: .bound,
            socketPath: socketPath, stateDirectory: stateDirectory, exitIdleSeconds: nil, revision: BuildInfo.revision)
        return DaemonServices(
            logger: logger, store: store, events: events, metrics: ServerMetrics(),
            authorizer: Authorizer(daemonUID: uid, adminGroupName: "socd"),
            audit: AuditRecorder(store: store, events: events, logger: logger), firewall: firewall, facts: facts)
    }
}
