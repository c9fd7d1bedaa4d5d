/// One tick: generate, filter, deliver, log, score.
extension Simulation {
    /// What one tick's packets did, for progress and health.
    private struct TickTally {
        var malicious = 0
        var maliciousDelivered = 0
        var compromise: ScenarioCompromise?
        var legitimate = 0
        var legitimateSucceeded = 0
        var legitimateWebRequests = 0
        var legitimateWebRequestsAnswered = 0
        var answered = 0
    }

    mutating func advanceOneTick<Filter: PacketFilter>(filter: inout Filter) {
        let tick = self.tick
        let now = configuration.clock.epochMilliseconds(atTick: tick)
        batch.begin(tick: tick)
        for index in generators.indices {
            generators[index].generate(into: &batch, random: &random)
        }

        // Pass 1: the firewall decides every packet, in one batch (the compiled matcher overlaps
        // the cache misses of many packets), so the server knows its load before it answers any
        // request of the tick.
        verdicts.removeAll(keepingCapacity: true)
        filter.decide(batch.packets.map(\.tuple), nowMilliseconds: now, into: &verdicts)
        precondition(verdicts.count == batch.packets.count, "a packet filter must give one verdict per packet")
        var webArrivals = 0
        for index in batch.packets.indices
        where verdicts[index].letsPacketThrough && endpoints.isWebRequest(batch.packets[index]) {
            webArrivals += 1
        }

        // Pass 2: deliver what got through, write every data source, count.
        var admission = webServer.admission(arrivals: webArrivals)
        var tally = TickTally()
        let guarded = scenario.check.guardedServices
        guardedTally.removeAll(keepingCapacity: true)
        guardedTally.append(contentsOf: repeatElement((attempted: 0, succeeded: 0), count: guarded.count))
        for index in batch.packets.indices {
            let packet = batch.packets[index]
            let verdict = verdicts[index]
            let (ingress, egress) = interfaces.interfaces(for: packet.tuple)
            logs.append(
                FirewallLogRecord(
                    tick: tick, timestampMilliseconds: now, packetID: packet.id, observer: endpoints.routerName,
                    tuple: packet.tuple, length: packet.size, tcpFlags: packet.tcpFlags, verdict: verdict,
                    ingressInterface: ingress, egressInterface: egress))
            counters.packets += 1
            switch verdict.action {
            case .accept: counters.accepted += 1
            case .drop: counters.dropped += 1
            case .reject: counters.rejected += 1
            }

            let isWebRequest = endpoints.isWebRequest(packet)
            let outcome: ObservedPacket.Outcome =
                verdict.letsPacketThrough
                ? deliver(packet, isWebRequest: isWebRequest, admission: &admission, now: now) : .blocked
            if outcome != .blocked && isWebRequest && outcome == .delivered { tally.answered += 1 }

            if packet.malicious {
                tally.malicious += 1
                counters.maliciousPackets += 1
                if outcome == .blocked {
                    counters.maliciousBlocked += 1
                } else {
                    tally.maliciousDelivered += 1
                    if packet.tuple.destination == endpoints.server { counters.maliciousReachedServer += 1 }
                    if tally.compromise == nil { tally.compromise = endpoints.compromise(by: packet, atTick: tick) }
                }
            } else {
                tally.legitimate += 1
                counters.legitimatePackets += 1
                if isWebRequest { tally.legitimateWebRequests += 1 }
                if !guarded.isEmpty, let service = GuardedService(carrying: packet.payload),
                    let slot = guarded.firstIndex(of: service)
                {
                    guardedTally[slot].attempted += 1
                    if outcome == .delivered { guardedTally[slot].succeeded += 1 }
                }
                switch outcome {
                case .delivered:
                    tally.legitimateSucceeded += 1
                    counters.legitimateSucceeded += 1
                    if isWebRequest { tally.legitimateWebRequestsAnswered += 1 }
                case .blocked: counters.legitimateBlocked += 1
                case .refusedByServer: counters.legitimateRefusedByServer += 1
                }
            }
            recentTraffic.append(ObservedPacket(packet: packet, verdict: verdict, outcome: outcome))
        }

        webServer.finishTick(arrivals: webArrivals, served: tally.answered)
        siteHealthWindow.record(
            attempted: tally.legitimateWebRequests, succeeded: tally.legitimateWebRequestsAnswered)
        if tally.malicious > 0 && progress.attackStartTick == nil { progress.attackStartTick = tick }
        if tally.maliciousDelivered > 0 { progress.lastMaliciousDeliveryTick = tick }
        if let compromise = tally.compromise, progress.compromisedAtTick == nil {
            progress.recordCompromise(compromise)
        }
        progress.legitimateWindow.record(attempted: tally.legitimate, succeeded: tally.legitimateSucceeded)
        for slot in guardedTally.indices {
            progress.guardedWindows[slot].record(
                attempted: guardedTally[slot].attempted, succeeded: guardedTally[slot].succeeded)
        }
        if progress.outcome == nil && scenario.check.isSatisfied(by: progress, afterTick: tick) {
            progress.outcome = makeOutcome(solvedAtTick: tick)
        }
        self.tick = tick + 1
    }

    /// Hands an accepted packet to the service it is for and writes that service's log.
    private mutating func deliver(
        _ packet: Packet, isWebRequest: Bool, admission: inout WebServerModel.Admission, now: Int64
    ) -> ObservedPacket.Outcome {
        let tuple = packet.tuple
        switch packet.payload {
        case .http(let request):
            guard isWebRequest else { return .delivered }
            let answered = admission.admitNext()
            let response = answered ? webServer.response(to: request) : WebServerModel.overloadedResponse
            if answered { counters.serverAnswered += 1 } else { counters.serverRefused += 1 }
            logs.append(
                WebAccessLogRecord(
                    tick: packet.tick, timestampMilliseconds: now, observer: endpoints.serverName, client: tuple.source,
                    clientPort: tuple.sourcePort, server: tuple.destination, serverPort: tuple.destinationPort,
                    method: request.method, target: request.path, statusCode: response.statusCode,
                    bodyBytes: response.bodyBytes, referrer: request.referrer, userAgent: request.userAgent))
            return answered ? .delivered : .refusedByServer
        case .tls:
            return .delivered
        case .dnsQuery(let name, let type):
            if tuple.destination == endpoints.router && tuple.destinationPort == 53 {
                logs.append(
                    DNSQueryLogRecord(
                        tick: packet.tick, timestampMilliseconds: now, observer: endpoints.routerName,
                        processID: Self.dnsmasqProcessID, name: name, type: type, client: tuple.source,
                        clientPort: tuple.sourcePort, resolver: tuple.destination))
            }
            return .delivered
        case .dhcp(let message):
            for (messageType, address) in dhcpServer.handle(message) {
                logs.append(
                    DHCPLogRecord(
                        tick: packet.tick, timestampMilliseconds: now, observer: endpoints.routerName,
                        processID: Self.dhcpdProcessID, messageType: messageType, clientMAC: message.clientMAC,
                        clientHostName: message.clientHostName, address: address,
                        interface: interfaces.interface(toward: tuple.source)))
            }
            return .delivered
        case .sshLogin(let attempt):
            if tuple.destination == endpoints.server && tuple.destinationPort == endpoints.sshPort {
                logs.append(
                    AuthLogRecord(
                        tick: packet.tick, timestampMilliseconds: now, observer: endpoints.serverName,
                        processID: Self.sshdProcessID(sourcePort: tuple.sourcePort), user: attempt.user,
                        userExists: attempt.userExists, succeeded: attempt.passwordCorrect && attempt.userExists,
                        client: tuple.source, clientPort: tuple.sourcePort))
            }
            return .delivered
        case .connectionProbe:
            return .delivered
        }
    }

    private func makeOutcome(solvedAtTick tick: Int64) -> ScenarioOutcome {
        let start = progress.attackStartTick ?? tick
        let protectedSince = ScenarioCheck.protectedSinceTick(progress) ?? tick
        let success = progress.legitimateWindow.successRate ?? 0
        let passMark = scenario.check.minimumLegitimateSuccess
        return ScenarioOutcome(
            solvedAtTick: tick, ticksToSolve: protectedSince - start, attackPacketsBlocked: counters.maliciousBlocked,
            legitimatePacketsLost: counters.legitimateLost, legitimateSuccessRate: success,
            score: ScenarioScore.score(
                ticksToSolve: protectedSince - start, legitimateSuccessRate: success, passMark: passMark))
    }

    static let dnsmasqProcessID = 612
    static let dhcpdProcessID = 701

    /// sshd forks per connection. Deriving the pid from the connection instead of drawing it keeps
    /// the random stream independent of which packets the firewall let through.
    static func sshdProcessID(sourcePort: UInt16) -> Int { 2_000 + Int(sourcePort) % 28_000 }
}
