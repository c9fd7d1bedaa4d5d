import Glibc
import JSONRPC
import SocPOSIX
import SocProtocol
import SocStore

/// A running socd: what start-up opened, and the control loop that watches signals, the
/// watchdog and the idle timer until shutdown.
///
/// Start-up order matters to systemd: READY=1 is sent only once the database is open and
/// migrated and the listener is adopted or bound, so a unit that waits for socd is not told
/// "ready" by a daemon that is about to fail.
final class Daemon {
    private let options: DaemonOptions
    private let logger: Logger
    private let signals: SignalFD
    private let store: Store
    private let server: Server
    private let services: DaemonServices
    private var startup = StartupPhases()

    init(options: DaemonOptions) throws {
        self.options = options
        // Signals are blocked before any thread exists, so that every thread inherits the mask
        // and SIGTERM reaches the control loop's signalfd rather than killing the process.
        try Signals.ignore(SIGPIPE)
        signals = try SignalFD(signals: [SIGTERM, SIGINT, SIGHUP])
        _ = try? ProcessStats.raiseOpenFileLimit()

        logger = Logger(level: options.logLevel ?? .info, sink: Logger.automaticSink())
        let environment = Environment.snapshot()
        let uid = Accounts.effectiveUID
        let stateDirectory = StateLocation.resolve(
            option: options.stateDirectory, environment: environment, uid: uid, home: nil)
        startup.end("setup")

        do {
            var storeOptions = StoreOptions()
            storeOptions.synchronous = options.durability == .full ? .full : .normal
            storeOptions.writerPollNanoseconds = options.busyPollNanoseconds
            // The check runs on the second core while the firewall rules load; READY waits for it.
            storeOptions.verifiesInBackground = true
            store = try Store.open(stateDirectory: stateDirectory, options: storeOptions)
        } catch {
            logger.error("cannot open the database in \(stateDirectory): \(error)")
            throw error
        }
        startup.end("database")
        if options.logLevel == nil, let persisted = try? store.setting(DaemonSettingKey.logLevel),
            let level = LogLevel(rawValue: persisted)
        {
            logger.level = level
        }

        let listener: Listener
        do {
            listener = try Listener.obtain(
                socketOption: options.socketPath, environment: environment, uid: uid, logger: logger)
        } catch {
            logger.error("cannot listen: \(error)")
            store.close()
            throw error
        }

        let events = EventBus()
        let metrics = ServerMetrics()
        let authorizer = Authorizer(daemonUID: uid, adminGroupName: options.adminGroup)
        let facts = DaemonFacts(
            pid: Int(getpid()), startedAtMilliseconds: WallClock.nowMilliseconds,
            startedAtMonotonicMilliseconds: MonotonicClock.milliseconds, listenerOrigin: listener.origin,
            socketPath: listener.path, stateDirectory: stateDirectory, exitIdleSeconds: options.exitIdleSeconds,
            revision: BuildInfo.revision)
        do {
            services = try DaemonServices.assemble(
                store: store, logger: logger, authorizer: authorizer, facts: facts, events: events, metrics: metrics)
            // Nothing is served, and nothing read is trusted, before the integrity check passed.
            // A damaged file may also have failed the loading above: the check's finding is
            // the better explanation.
            try store.waitUntilVerified()
        } catch {
            listener.close()
            do {
                try store.waitUntilVerified()
            } catch let damage {
                logger.error("cannot open the database in \(stateDirectory): \(damage)")
                store.close()
                throw damage
            }
            store.close()
            throw error
        }
        startup.end("services")
        let logger = logger
        let dispatcher = RPCDispatcher(router: DaemonAPI.makeRouter(services)) { method, error in
            logger.error("\(method) failed: \(error)")
        }
        var limits = ServerLimits(
            maximumLineBytes: options.maximumLineBytes, maximumOutputBytes: options.maximumOutputBytes,
            maximumConnections: options.maximumConnections)
        limits.busyPollNanoseconds = options.busyPollNanoseconds
        limits.inFlightPollNanoseconds = options.inFlightPollNanoseconds
        do {
            server = try Server(
                listener: listener, dispatcher: dispatcher, limits: limits, loopCount: options.eventLoops,
                authorizer: authorizer, metrics: metrics, logger: logger,
                onConnectionClosed: { events.removeAll(for: $0) })
        } catch {
            listener.close()
            store.close()
            throw error
        }
        do {
            try server.start()
            try services.simulation.start()
        } catch {
            server.stop()
            store.close()
            throw error
        }
        startup.end("serving")
    }

    /// Serves until SIGTERM, SIGINT or the idle timer, then shuts down. Returns the exit status.
    func run() -> Int32 {
        let facts = services.facts
        logger.notice(
            "socd \(SocdVersion.release) serving \(facts.socketPath) (\(facts.listenerOrigin.rawValue)), "
                + "state in \(facts.stateDirectory)")
        logger.debug("start-up: \(startup.summary)")
        _ = Systemd.notify("READY=1\nSTATUS=Serving \(facts.socketPath)\nMAINPID=\(facts.pid)")

        let reason = waitForStop()
        logger.notice("stopping: \(reason)")
        _ = Systemd.notify("STOPPING=1\nSTATUS=Stopping: \(reason)")
        services.events.publish(.system, ["event": "stopping", "reason": .string(reason)])
        shutDown()
        logger.info("stopped")
        return 0
    }

    /// The control loop. Returns why the daemon should stop.
    private func waitForStop() -> String {
        let watchdog = Systemd.watchdogInterval()
        let watchdogMilliseconds = watchdog.map(Self.milliseconds)
        let idleMilliseconds = options.exitIdleSeconds.map { Int64($0 * 1000) }
        // Wake often enough to ping the watchdog at half its interval and to notice idleness promptly.
        var tick: Int64 = 1000
        if let watchdogMilliseconds { tick = min(tick, max(10, watchdogMilliseconds / 4)) }
        if let idleMilliseconds { tick = min(tick, max(10, idleMilliseconds / 4)) }
        var lastWatchdogPing: Int64 = 0
        var maintenance = MaintenanceSchedule(now: MonotonicClock.milliseconds)
        tick = min(tick, 250)
        while true {
            if let signal = nextSignal(timeoutMilliseconds: Int32(tick)) {
                switch signal {
                case SIGHUP:
                    logger.info("SIGHUP: nothing to reload; configuration is the command line and the database")
                    continue
                case SIGINT: return "SIGINT"
                default: return "SIGTERM"
                }
            }
            let now = MonotonicClock.milliseconds
            maintenance.run(now: now, services: services)
            if let watchdogMilliseconds, now - lastWatchdogPing >= watchdogMilliseconds / 2 {
                // Ping only while the I/O threads are turning: a wedged loop should get us restarted.
                if server.loopsAreResponsive(withinMilliseconds: max(2000, watchdogMilliseconds / 2)) {
                    _ = Systemd.notify("WATCHDOG=1")
                    lastWatchdogPing = now
                } else {
                    logger.error("an event loop is not responding; withholding the watchdog ping")
                }
            }
            if let idleMilliseconds, server.metrics.openConnections.load(ordering: .relaxed) == 0,
                now - server.metrics.idleSinceMilliseconds.load(ordering: .relaxed) >= idleMilliseconds
            {
                return "idle for \(options.exitIdleSeconds!) s"
            }
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }

    /// Waits up to `timeoutMilliseconds` for one of the blocked signals.
    private func nextSignal(timeoutMilliseconds: Int32) -> Int32? {
        if let pending = try? signals.read() { return pending.signal }
        guard (try? signals.fileDescriptor.waitUntilReadable(timeoutMilliseconds: timeoutMilliseconds)) == true else {
            return nil
        }
        return (try? signals.read())??.signal
    }

    /// Stop accepting, let in-flight requests finish within the drain deadline, close, flush.
    private func shutDown() {
        server.beginDrain()
        let deadline = MonotonicClock.milliseconds + Int64(options.drainTimeoutSeconds * 1000)
        while server.metrics.openConnections.load(ordering: .relaxed) > 0 && MonotonicClock.milliseconds < deadline {
            usleep(5_000)
        }
        let left = server.metrics.openConnections.load(ordering: .relaxed)
        if left > 0 {
            logger.warning("closing \(left) connection(s) still busy after \(options.drainTimeoutSeconds) s")
            server.closeAllConnections()
        }
        server.stop()
        // The clock decides packets and so counts hits: stop it before the counters are saved.
        services.simulation.stop()
        services.firewall.saveHitCounters(wait: true)
        store.close()
    }
}
