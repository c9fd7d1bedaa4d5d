import SocPOSIX
import SocProtocol
import SocSim

/// The simulation as the API shows it.
extension Simulation {
    func statusInfo(paused: Bool, ticksPerSecond: Double) -> SimStatusInfo {
        SimStatusInfo(
            tick: Int(tick), simulatedTime: ISO8601.format(milliseconds: nowMilliseconds),
            state: paused ? .paused : .running, ticksPerSecond: ticksPerSecond, scenario: scenario.name,
            seed: Int(truncatingIfNeeded: seed), siteHealth: SimSiteHealth(siteHealth), serverLoad: webServer.load,
            solved: progress.outcome != nil, compromisedAtTick: progress.compromisedAtTick.map { Int($0) },
            counters: SimCounters(counters))
    }

    var scenarioStatusInfo: ScenarioStatusInfo {
        let status = scenarioStatus
        let millisecondsPerTick = configuration.clock.millisecondsPerTick
        // A lost scenario is no nearer its objective however long the attack has been kept out since.
        let progressFraction =
            switch status.state {
            case .solved: 1.0
            case .compromised: 0.0
            case .inProgress: min(1, Double(status.ticksProtected) / Double(max(1, status.windowTicks)))
            }
        return ScenarioStatusInfo(
            name: status.name, title: status.title, difficulty: ScenarioInfo.Difficulty(scenario.difficulty),
            objective: status.objective, hints: status.hints, seed: Int(truncatingIfNeeded: seed), tick: Int(tick),
            state: ScenarioState(status.state), attackStarted: status.attackStarted,
            ticksProtected: Int(status.ticksProtected), windowTicks: status.windowTicks, progress: progressFraction,
            legitimateSuccessRate: status.legitimateSuccessRate, attackPacketsBlocked: status.attackPacketsBlocked,
            attackPacketsThrough: status.attackPacketsThrough, legitimatePacketsLost: status.legitimatePacketsLost,
            solved: status.solved, compromisedAtTick: status.compromisedAtTick.map { Int($0) },
            compromise: status.compromise.map(ScenarioCompromiseInfo.init), flag: status.flag,
            outcome: status.outcome.map { outcome in
                ScenarioOutcomeInfo(
                    solvedAtTick: Int(outcome.solvedAtTick), ticksToSolve: Int(outcome.ticksToSolve),
                    secondsToSolve: Double(outcome.ticksToSolve * millisecondsPerTick) / 1000,
                    attackPacketsBlocked: outcome.attackPacketsBlocked,
                    legitimatePacketsLost: outcome.legitimatePacketsLost,
                    legitimateSuccessRate: outcome.legitimateSuccessRate, score: outcome.score)
            })
    }

    var topologyInfo: TopologyGetRequest.Result {
        TopologyGetRequest.Result(
            hosts: topology.hosts.map { host in
                TopologyHost(
                    name: host.name, role: TopologyHost.Role(host.role), address: host.address?.description,
                    mac: host.mac?.description, addressAssignment: host.addressAssignment.rawValue,
                    services: host.services.map {
                        TopologyHost.Service(port: Int($0.port), proto: $0.proto.rawValue, name: $0.name)
                    }, position: TopologyHost.Position(host.position))
            },
            links: topology.links.map {
                TopologyLink(host: $0.host, router: $0.router, routerInterface: $0.routerInterface)
            }, lan: topology.lan.description, wanInterface: topology.wanInterface,
            lanInterface: topology.lanInterface)
    }

    func logSources() -> [LogSourceInfo] {
        LogDataset.allCases.map { dataset in
            LogSourceInfo(
                name: LogSourceName(dataset), title: dataset.title, nativeFormat: dataset.nativeFormat,
                retained: logs.retainedCount(of: dataset), written: Int(clamping: logs.totalWritten(to: dataset)),
                retention: configuration.retention.capacity(of: dataset))
        }
    }
}

extension SimSiteHealth {
    init(_ health: SiteHealth) {
        switch health {
        case .up: self = .up
        case .degraded: self = .degraded
        case .down: self = .down
        }
    }
}

extension SimCounters {
    init(_ counters: SimulationCounters) {
        self.init(
            packets: counters.packets, accepted: counters.accepted, dropped: counters.dropped,
            rejected: counters.rejected, maliciousPackets: counters.maliciousPackets,
            maliciousBlocked: counters.maliciousBlocked, maliciousReachedServer: counters.maliciousReachedServer,
            maliciousThrough: counters.maliciousThrough,
            legitimatePackets: counters.legitimatePackets, legitimateSucceeded: counters.legitimateSucceeded,
            legitimateBlocked: counters.legitimateBlocked,
            legitimateRefusedByServer: counters.legitimateRefusedByServer, legitimateLost: counters.legitimateLost,
            serverAnswered: counters.serverAnswered, serverRefused: counters.serverRefused)
    }
}

extension ScenarioState {
    init(_ state: ScenarioStatus.State) {
        switch state {
        case .inProgress: self = .inProgress
        case .solved: self = .solved
        case .compromised: self = .compromised
        }
    }
}

extension ScenarioCompromiseInfo {
    init(_ compromise: ScenarioCompromise) {
        self.init(
            tick: Int(compromise.tick), host: compromise.host, service: compromise.service, port: Int(compromise.port),
            user: compromise.user)
    }
}

extension TopologyHost.Role {
    init(_ role: NetworkHost.Role) {
        switch role {
        case .server: self = .server
        case .router: self = .router
        case .workstation: self = .workstation
        case .internet: self = .internet
        }
    }
}

extension TopologyHost.Position {
    init(_ position: NetworkHost.Position) {
        switch position {
        case .left: self = .left
        case .middle: self = .middle
        case .right: self = .right
        }
    }
}

extension LogSourceName {
    init(_ dataset: LogDataset) {
        switch dataset {
        case .firewall: self = .firewall
        case .webAccess: self = .webAccess
        case .auth: self = .auth
        case .dns: self = .dns
        case .dhcp: self = .dhcp
        }
    }

    var dataset: LogDataset {
        switch self {
        case .firewall: .firewall
        case .webAccess: .webAccess
        case .auth: .auth
        case .dns: .dns
        case .dhcp: .dhcp
        }
    }
}
