import SocPOSIX

/// The periodic housekeeping the control loop runs between signals: expiring firewall rules
/// (once a second, so an expired rule disappears promptly; it stops matching at once anyway)
/// saving hit counters (every five seconds, and at shutdown), and deleting expired threat-intel
/// indicators (every 30 seconds; they stop matching at their expiry regardless).
struct MaintenanceSchedule {
    static let expiryIntervalMilliseconds: Int64 = 1000
    static let hitCounterIntervalMilliseconds: Int64 = 5000
    static let intelExpiryIntervalMilliseconds: Int64 = 30_000

    private var nextExpiry: Int64
    private var firstPass = true
    private var nextHitCounters: Int64
    private var nextIntelExpiry: Int64

    init(now: Int64) {
        nextExpiry = now
        nextHitCounters = now + Self.hitCounterIntervalMilliseconds
        nextIntelExpiry = now + Self.intelExpiryIntervalMilliseconds
    }

    mutating func run(now: Int64, services: DaemonServices) {
        if now >= nextExpiry {
            nextExpiry = now + Self.expiryIntervalMilliseconds
            services.firewall.purgeExpired(now: WallClock.nowMilliseconds, includingStored: firstPass)
            firstPass = false
        }
        if now >= nextHitCounters {
            nextHitCounters = now + Self.hitCounterIntervalMilliseconds
            services.firewall.saveHitCounters()
        }
        if now >= nextIntelExpiry {
            nextIntelExpiry = now + Self.intelExpiryIntervalMilliseconds
            services.security.purgeExpiredIndicators(now: WallClock.nowMilliseconds)
        }
    }
}
