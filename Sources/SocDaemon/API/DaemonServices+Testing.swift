import Glibc
import SocPOSIX
import SocStore

extension DaemonServices {
    /// The services `Daemon` builds, over a store opened in `stateDirectory`, without a listener:
    /// for tests that drive `DaemonAPI.makeRouter` in-process, or serve it on a socket of their own.
    ///
    /// Unlike socd, nothing here runs maintenance (expiry, hit counters) on a timer and the
    /// simulation's clock is not started; tests call `firewall.purgeExpired` and step the
    /// simulation themselves. Call `store.close()` when done.
    package static func makeForTesting(
        stateDirectory: String, socketPath: String = "(in-process)", logger: Logger? = nil,
        storeOptions: StoreOptions = StoreOptions()
    ) throws -> DaemonServices {
        let logger = logger ?? Logger(level: .warning, sink: .memory(LogCapture()))
        let store = try Store.open(stateDirectory: stateDirectory, options: storeOptions)
        let uid = Accounts.effectiveUID
        let facts = DaemonFacts(
            pid: Int(getpid()), startedAtMilliseconds: SocPOSIX.WallClock.nowMilliseconds,
            startedAtMonotonicMilliseconds: MonotonicClock.milliseconds, listenerOrigin: .bound,
            socketPath: socketPath, stateDirectory: stateDirectory, exitIdleSeconds: nil, revision: BuildInfo.revision)
        do {
            return try assemble(
                store: store, logger: logger, authorizer: Authorizer(daemonUID: uid, adminGroupName: "socd"),
                facts: facts)
        } catch {
            store.close()
            throw error
        }
    }
}
