import Glibc
import SocSim

/// Firewall matcher throughput: the compiled `FirewallRuleset` beside `LinearRuleScan` on the
/// same rules and packets, at 10, 1,000, 100,000 and 1,000,000 rules; bulk-load time and memory
/// per rule, and the batched `decide` beside the one-at-a-time one. Rules are a random mix of banned hosts, CIDRs and ports; 80% of packets come from
/// addresses some rule names, so the matcher does real candidate work instead of missing.
///
/// Returns the issue's targets, checked at 100,000 rules, for the scoreboard: within 2× of the
/// 10-rule cost (one at a time, and batched against the batched 10-rule cost) and at least
/// 1,000× the linear scan's decisions per second.
func runMatcherBenchmark() -> FigureTable {
    print("\nfirewall matcher: decisions/s, compiled vs linear first-match scan (same rules, same packets)")
    print(
        pad("rules", 10) + pad("compiled/s", 14) + pad("ns/decision", 13) + pad("scan/s", 12)
            + pad("scan ns", 12) + "speedup")
    var generator = BenchmarkGenerator(seed: 0x50C_D)
    var baseline: Double?
    var batchedBaselines: [Int: Double] = [:]
    var targets = FigureTable(title: "matcher targets at 100,000 rules", figure: "compiled", baseline: "baseline")
    for size in [10, 1_000, 100_000, 1_000_000] {
        let rules = (0..<size).map { generator.rule(id: Int64($0 + 1)) }
        let packets = (0..<65_536).map { _ in generator.packet(near: rules) }
        let rssBefore = residentBytes()
        let loadStart = ContinuousClock.now
        var ruleset = try! FirewallRuleset(rules: rules)
        let loadTime = ContinuousClock.now - loadStart
        let rssAfter = residentBytes()

        let compiledDecisions = 1_000_000
        let compiledTime = measure(decisions: compiledDecisions) { index in
            ruleset.decide(packets[index & 0xFFFF], now: generator.now).ruleID ?? 0
        }
        let scan = LinearRuleScan(rules: rules)
        let scanDecisions = max(50, min(1_000_000, 10_000_000 / size))
        let scanTime = measure(decisions: scanDecisions, rounds: size >= 100_000 ? 1 : 3) { index in
            scan.decide(packets[index & 0xFFFF], now: generator.now).ruleID ?? 0
        }
        let compiledNanoseconds = compiledTime / Double(compiledDecisions) * 1e9
        let scanNanoseconds = scanTime / Double(scanDecisions) * 1e9
        baseline = baseline ?? compiledNanoseconds
        print(
            pad("\(size)", 10) + pad(rate(compiledDecisions, compiledTime), 14) + pad(fixed(compiledNanoseconds), 13)
                + pad(rate(scanDecisions, scanTime), 12) + pad(fixed(scanNanoseconds), 12)
                + "\(fixed(scanNanoseconds / compiledNanoseconds))x"
                + "   (\(fixed(compiledNanoseconds / baseline!))x the 10-rule cost)")
        let batched = measureBatched(&ruleset, packets: packets, now: generator.now, baselines: &batchedBaselines)
        if size == 100_000 {
            targets.add(
                "ns/decision, one at a time (10 rules)", .nanoseconds(compiledNanoseconds),
                baseline: .nanoseconds(baseline!), target: .withinRatioOfBaseline(2))
            targets.add(
                "ns/decision, batched, window 16 (10 rules, batched)", .nanoseconds(batched.nanoseconds),
                baseline: .nanoseconds(batched.baseline), target: .withinRatioOfBaseline(2))
            addMemoryFloor(to: &targets, tableBytes: ruleset.candidateTableBytes, batched: batched)
            let scanRate = Double(scanDecisions) / scanTime
            targets.add(
                "decisions/s (linear scan)", .perSecond(Double(compiledDecisions) / compiledTime),
                baseline: .perSecond(scanRate), target: .atLeast(.perSecond(scanRate * 1_000)))
        }
        if size >= 100_000 {
            let seconds = Double(loadTime.components.seconds) + Double(loadTime.components.attoseconds) * 1e-18
            print(
                "          bulk load \(size) rules: \(fixed(seconds * 1000)) ms; "
                    + "RSS +\((rssAfter - rssBefore) / size) bytes/rule; "
                    + "\(ruleset.unindexedRuleCount) rules only a scan can find")
            measureEdits(on: &ruleset, generator: &generator, firstID: Int64(size + 1))
        }
    }
    return targets
}

/// What one cold line of the 100,000-rule candidate table costs, measured now, read both ways
/// `MemoryLatencyProbe` reads it. The batched 10-rule cost plus one line at full overlap is a
/// lower bound under the batched 100,000-rule figure (a packet from a banned address must read
/// its rule's bucket), so the row shows how much of the gap is memory the processor could
/// overlap. One at a time gets no such row: consecutive decisions overlap too, so a chased line
/// is no bound for them. Informational: the targets stay as the issue set them.
private func addMemoryFloor(
    to targets: inout FigureTable, tableBytes: Int, batched: (nanoseconds: Double, baseline: Double)
) {
    let memory = MemoryLatencyProbe.measure(bytes: tableBytes)
    let megabytes = fixed(Double(tableBytes) / Double(1 << 20))
    print(
        "          memory: a random line of a \(megabytes) MiB region (the candidate table's size): "
            + "\(fixed(memory.dependentNanoseconds)) ns chased, \(fixed(memory.independentNanoseconds)) ns independent")
    targets.add(
        "lower bound: batched 10-rule cost + one independent line (10 rules, batched)",
        .nanoseconds(batched.baseline + memory.independentNanoseconds), baseline: .nanoseconds(batched.baseline))
    targets.note(
        "lower bound: a random 64-byte line of a region the size of the candidate table (\(megabytes) MiB, huge "
            + "pages advised), read from precomputed addresses, best of 3 (chased, one after another: "
            + "\(fixed(memory.dependentNanoseconds)) ns); a packet from a banned address reads its rule's bucket")
}

/// The batched `decide` on the same rules and packets as the row above it, in batches of
/// `batchedPacketCount` packets (about a simulation tick's worth), for each pipeline window;
/// each figure is also given against the same window's figure at 10 rules, which is what the
/// issue's 2x target is checked on, with the one-at-a-time figures of the row above beside it.
/// Returns the window-16 figure and its 10-rule baseline.
private func measureBatched(
    _ ruleset: inout FirewallRuleset, packets: [FiveTuple], now: Int64, baselines: inout [Int: Double]
) -> (nanoseconds: Double, baseline: Double) {
    let batchedPacketCount = 256
    let batches = 1_000_000 / batchedPacketCount
    var decisions: [FirewallDecision] = []
    decisions.reserveCapacity(batchedPacketCount)
    var line = "          batched, \(batchedPacketCount)-packet batches:"
    var lastNanoseconds: [Int: Double] = [:]
    for window in [4, 8, 16] {
        let time = measure(decisions: batches) { batch in
            let first = (batch * batchedPacketCount) & 0xFFFF
            decisions.removeAll(keepingCapacity: true)
            ruleset.decide(packets[first..<first + batchedPacketCount], now: now, into: &decisions, window: window)
            return decisions[batchedPacketCount - 1].ruleID ?? 0
        }
        let nanoseconds = time / Double(batches * batchedPacketCount) * 1e9
        let baseline = baselines[window] ?? nanoseconds
        baselines[window] = baseline
        lastNanoseconds[window] = nanoseconds
        line += " window \(window) \(fixed(nanoseconds)) ns (\(fixed(nanoseconds / baseline))x);"
    }
    print(line)
    // 16: the window `FirewallRuleset.decide(_:now:into:)` uses unless told otherwise.
    return (lastNanoseconds[16] ?? 0, baselines[16] ?? 0)
}

/// One-at-a-time changes on a large rule set, as the daemon makes them: appends, inserts at
/// random positions, moves and deletes, each timed over 10,000 operations.
private func measureEdits(on ruleset: inout FirewallRuleset, generator: inout BenchmarkGenerator, firstID: Int64) {
    let operations = 10_000
    let fresh = (0..<2 * operations).map { generator.rule(id: firstID + Int64($0)) }
    func time(_ body: () throws -> Void) -> String {
        let start = ContinuousClock.now
        try! body()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return "\(fixed(seconds / Double(operations) * 1e6)) us"
    }
    let append = time { for rule in fresh[..<operations] { try ruleset.insert(rule) } }
    let insert = time {
        for rule in fresh[operations...] {
            try ruleset.insert(rule, at: Int.random(in: 1...ruleset.count + 1, using: &generator))
        }
    }
    let move = time {
        for rule in fresh[..<operations] {
            try ruleset.move(id: rule.id, to: Int.random(in: 1...ruleset.count, using: &generator))
        }
    }
    let delete = time { for rule in fresh { ruleset.remove(id: rule.id) } }
    print("          per change: append \(append), insert at random position \(insert), move \(move), delete \(delete)")
}

/// The best of `rounds` timed runs: the machine is shared, and the minimum is the figure least
/// disturbed by other work.
private func measure(decisions: Int, rounds: Int = 5, _ decide: (Int) -> Int64) -> Double {
    var best = Double.infinity
    var checksum: Int64 = 0
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        for index in 0..<decisions { checksum &+= decide(index) }
        let elapsed = ContinuousClock.now - start
        best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    if checksum == 42 { print("", terminator: "") }  // keeps the loop from being optimised away
    return best
}

/// Resident set size from /proc/self/statm (second field, in pages).
private func residentBytes() -> Int {
    let descriptor = open("/proc/self/statm", O_RDONLY)
    guard descriptor >= 0 else { return 0 }
    defer { close(descriptor) }
    var buffer = [UInt8](repeating: 0, count: 128)
    let length = read(descriptor, &buffer, buffer.count)
    guard length > 0 else { return 0 }
    let fields = buffer[..<length].split(separator: UInt8(ascii: " "))
    guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return 0 }
    return pages * sysconf(Int32(_SC_PAGESIZE))
}

private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

private func fixed(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

private func rate(_ count: Int, _ seconds: Double) -> String {
    let perSecond = Double(count) / seconds
    if perSecond >= 1e6 { return "\(fixed(perSecond / 1e6))M" }
    if perSecond >= 1e3 { return "\(fixed(perSecond / 1e3))k" }
    return fixed(perSecond)
}

/// Seeded SplitMix64 plus the rule and packet mix.
struct BenchmarkGenerator: RandomNumberGenerator {
    private var state: UInt64
    let now: Int64 = 1_700_000_000_000
    private let servers: [UInt32] = (10...20).map { 0x0A00_0000 | $0 }
    private let ports: [UInt16] = [22, 25, 53, 80, 443, 3306, 8080]

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func publicAddress() -> IPv4Address {
        IPv4Address(UInt32.random(in: 0...UInt32.max, using: &self))
    }

    /// Prefix lengths as blocklists have them: mostly /24 and longer, some /16-/23, few
    /// shorter (there are only 256 /8 networks, so a large rule set cannot have many of those).
    private mutating func network() -> AddressMatch {
        let length: Int
        switch Int.random(in: 0..<100, using: &self) {
        case 0..<40: length = 24
        case 40..<70: length = Int.random(in: 25...30, using: &self)
        case 70..<95: length = Int.random(in: 16...23, using: &self)
        default: length = Int.random(in: 8...15, using: &self)
        }
        return .network(IPv4CIDR(network: publicAddress(), prefixLength: length))
    }

    /// 50% banned host (a third of them only towards one server port), 20% source CIDR (see `network()`),
    /// 10% server host with a port, 10% destination CIDR, 5% port-only, 5% host with a range.
    mutating func rule(id: Int64) -> FirewallRule {
        var rule = FirewallRule(
            id: id, position: 0, action: [.drop, .reject, .accept].randomElement(using: &self)!, createdAt: now)
        switch Int.random(in: 0..<100, using: &self) {
        case 0..<50:
            rule.source = .host(publicAddress())
            if Bool.random(using: &self) && Bool.random(using: &self) {
                rule.destination = .host(IPv4Address(servers.randomElement(using: &self)!))
                rule.destinationPort = .port(ports.randomElement(using: &self)!)
                rule.proto = .tcp
            }
        case 50..<70:
            rule.source = network()
        case 70..<80:
            rule.destination = .host(publicAddress())
            rule.destinationPort = .port(ports.randomElement(using: &self)!)
        case 80..<90:
            rule.destination = network()
            rule.proto = [.tcp, .udp, .icmp].randomElement(using: &self)!
        case 90..<95:
            rule.destinationPort = .port(UInt16.random(in: 1024...65535, using: &self))
            rule.proto = .udp
        default:
            rule.source = .host(publicAddress())
            let low = UInt16.random(in: 1...60000, using: &self)
            rule.destinationPort = .range(low, low + 1000)
        }
        return rule
    }

    /// 80% of packets come from (or go to) an address some rule names; the rest are random.
    mutating func packet(near rules: [FirewallRule]) -> FiveTuple {
        var packet = FiveTuple(
            source: publicAddress(), destination: IPv4Address(servers.randomElement(using: &self)!),
            sourcePort: UInt16.random(in: 1024...65535, using: &self),
            destinationPort: Bool.random(using: &self)
                ? ports.randomElement(using: &self)! : UInt16.random(in: 0...65535, using: &self),
            proto: [.tcp, .tcp, .udp, .icmp].randomElement(using: &self)!)
        if Int.random(in: 0..<10, using: &self) < 8, let rule = rules.randomElement(using: &self) {
            if case .network(let cidr) = rule.source {
                packet.source = IPv4Address(
                    cidr.network.value | (UInt32.random(in: 0...UInt32.max, using: &self) & ~cidr.mask))
            }
            if case .network(let cidr) = rule.destination {
                packet.destination = IPv4Address(
                    cidr.network.value | (UInt32.random(in: 0...UInt32.max, using: &self) & ~cidr.mask))
            }
        }
        return packet
    }
}
