import Glibc
import JSONRPC
import SocPOSIX
import SocProtocol

/// `socctl traffic --follow`: the newest packets, then the `traffic` topic's, until a signal.
struct TrafficFollower {
    let session: DaemonSession
    let params: TrafficRecentRequest.Params
    let glyphs: DrawingGlyphs

    /// The newest packet printed, so that packets both in the recent list and in the first
    /// events are printed once.
    private var lastID = -1
    private var lastTick = -1

    init(session: DaemonSession, params: TrafficRecentRequest.Params, glyphs: DrawingGlyphs) {
        self.session = session
        self.params = params
        self.glyphs = glyphs
    }

    func run() throws -> ExitStatus {
        // Blocked before connecting, so that a Ctrl-C at any point ends through the same path.
        let signals = try SignalFD(signals: EventsCommand.stopSignals)
        defer {
            try? signals.close()
            try? Signals.unblock(EventsCommand.stopSignals)
        }
        let client = try session.connect()
        // Subscribing first and asking for the recent packets second leaves no gap; the overlap
        // is removed by packet id.
        _ = try client.call(SubscribeRequest.self, .init(topics: [.traffic]))
        var follower = self
        for packet in try client.call(TrafficRecentRequest.self, params).packets { follower.print(packet) }
        session.context.standardOutput.flush()
        let end = try client.streamNotifications(until: signals) { notification in
            guard let event = notification.event, event.topic == .traffic,
                let traffic = try? JSONValueDecoder().decode(TrafficEvent.self, from: event.data)
            else { return }
            for packet in traffic.packets where follower.matches(packet) { follower.print(packet) }
            if !client.hasPendingNotifications { follower.session.context.standardOutput.flush() }
        }
        session.context.standardOutput.flush()
        switch end {
        case .signal: return .success
        case .endOfFile: throw ClientError.disconnected(client.socketPath)
        }
    }

    /// The filters `traffic.recent` applies in the daemon, applied here to the topic's packets.
    func matches(_ packet: TrafficPacket) -> Bool {
        if let malicious = params.malicious, packet.malicious != malicious { return false }
        if let host = params.host {
            return [packet.src, packet.dst, packet.srcHost, packet.dstHost].contains { $0 == host }
        }
        return true
    }

    private mutating func print(_ packet: TrafficPacket) {
        // Ids restart with the scenario; an earlier tick means a reset, not a repeat.
        guard packet.id > lastID || packet.tick < lastTick else { return }
        lastID = packet.id
        lastTick = packet.tick
        let output = session.context.standardOutput
        if session.wantsJSON {
            session.printCompact(packet)
        } else {
            output.writeLine(TrafficLine.format(packet, glyphs: glyphs, style: session.context.style))
        }
    }
}
