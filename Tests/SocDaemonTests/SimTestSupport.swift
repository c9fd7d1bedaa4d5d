import Glibc
import SocPOSIX
import SocProtocol
import SocSim
import SocStore

@testable import SocDaemon

/// A fresh directory under /tmp for one simulation test, removed with its contents by `remove()`.
struct SimTestDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/socsim-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { throw SystemError.current(function: "mkdtemp") }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    func remove() {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                if name != "." && name != ".." { unlink(path + "/" + name) }
            }
            closedir(directory)
        }
        rmdir(path)
    }
}

/// A store, a firewall and a simulation service on a temporary state directory, with the
/// clock not running: tests step by hand.
final class SimHarness {
    let directory: SimTestDirectory
    let store: Store
    let events = EventBus()
    let logs = LogCapture()
    let logger: Logger
    let firewall: FirewallService
    let simulation: SimulationService

    static let secret = FlagSecret(bytes: Array(repeating: 7, count: 32))!

    init(directory: SimTestDirectory? = nil, flagSecret: FlagSecret? = SimHarness.secret) throws {
        self.directory = try directory ?? SimTestDirectory()
        logger = Logger(level: .debug, sink: .memory(logs))
        store = try Store.open(stateDirectory: self.directory.path)
        firewall = try FirewallService(store: store, events: events, logger: logger)
        simulation = try SimulationService(
            store: store, firewall: firewall, events: events, logger: logger, flagSecret: flagSecret)
    }

    /// Closes the store, keeping the directory (to reopen it).
    func close() {
        simulation.stop()
        store.close()
    }

    func closeAndRemove() {
        close()
        directory.remove()
    }

    // MARK: Changes, as the API makes them

    @discardableResult
    func load(_ name: String = ScenarioCatalog.defaultScenarioName, seed: UInt64) throws -> SimStatusInfo {
        try store.write { [simulation] db in try simulation.load(scenario: name, seed: seed, in: db) }.status
    }

    @discardableResult
    func pause() throws -> SimStatusInfo {
        try store.write { [simulation] db in try simulation.pause(in: db) }.status
    }

    @discardableResult
    func step(_ ticks: Int) throws -> SimStatusInfo {
        try store.write { [simulation] db in try simulation.step(ticks: ticks, in: db) }.status
    }

    @discardableResult
    func addRule(src: String? = nil, dst: String? = nil, dport: Int? = nil, action: String = "DROP") throws -> Int64 {
        let draft = try RuleInputParser.draft(
            RuleInput(src: src, dst: dst, dport: dport.map { .number($0) }, action: action),
            now: WallClock.nowMilliseconds)
        return try store.write { [firewall] db in try firewall.add(draft, at: nil, in: db) }.rule.id
    }

    /// The address the attack came from in a single-address scenario, as a learner finds it: the
    /// source of the red packets in the traffic view.
    func observedAttacker() throws -> String {
        let packets = simulation.recentTraffic(limit: 50, malicious: true, host: nil).packets
        let sources = Set(packets.map(\.src))
        guard sources.count == 1, let source = sources.first else {
            throw SimTestFailure("expected one attacking address, saw \(sources.sorted())")
        }
        return source
    }
}

struct SimTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
