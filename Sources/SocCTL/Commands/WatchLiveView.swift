import Glibc
import JSONRPC
import SocPOSIX
import SocProtocol

/// The full-screen `socctl watch` on a terminal: one thread, one epoll loop over the daemon's
/// connection, the keyboard and a signal descriptor, drawing a frame every 100 ms.
///
/// The terminal is restored on every way out: `q`, Ctrl-C, SIGTERM/SIGHUP/SIGINT, the daemon
/// going away, and any error, because `FullScreenTerminal.restore()` runs in a `defer` before
/// the error reaches `CommandLineTool` to be printed on the shell's screen.
struct WatchLiveView {
    static let frameNanoseconds: UInt64 = 100_000_000
    /// How often the scenario's progress is asked for; its events come only at each tenth.
    static let scenarioPollNanoseconds: UInt64 = 1_000_000_000
    /// Sources are counted from this many recent packets before the live ones come.
    static let recentPackets = 2_000

    let session: DaemonSession
    let glyphs: DrawingGlyphs

    private enum Token: UInt64 {
        case daemon = 1
        case keyboard = 2
        case signal = 3
    }

    func run() throws -> ExitStatus {
        // SIGWINCH goes through the descriptor too, so a resize is handled between frames.
        let signals = try SignalFD(signals: WatchCommand.stopSignals + [SIGWINCH])
        defer {
            try? signals.close()
            try? Signals.unblock(WatchCommand.stopSignals + [SIGWINCH])
        }
        let client = try session.connect()
        _ = try client.call(SubscribeRequest.self, .init(topics: [.traffic, .sim, .scenario]))
        var state = WatchState(
            topology: try client.call(TopologyGetRequest.self, RPCNoParams()),
            sim: try client.call(SimStatusRequest.self, RPCNoParams()),
            scenario: try client.call(ScenarioStatusRequest.self, RPCNoParams()))
        state.count(recent: try client.call(TrafficRecentRequest.self, .init(limit: Self.recentPackets)).packets)

        let screen = try FullScreenTerminal()
        defer { screen.restore() }
        var painter = ScreenPainter()
        var size = currentSize()

        let epoll = try Epoll(maximumEventsPerWait: 4)
        try epoll.add(client.fileDescriptor, events: [.readable, .readHangup], userData: Token.daemon.rawValue)
        try epoll.add(signals.fileDescriptor, events: .readable, userData: Token.signal.rawValue)
        if screen.readsKeys {
            try epoll.add(.standardInput, events: .readable, userData: Token.keyboard.rawValue)
        }
        var nextFrame = MonotonicClock.now
        var nextScenarioPoll = MonotonicClock.now + Self.scenarioPollNanoseconds
        var keys = [UInt8](repeating: 0, count: 64)
        while true {
            try absorb(client.takeNotifications(), into: &state)
            let now = MonotonicClock.now
            if now >= nextScenarioPoll {
                state.scenario = try client.call(ScenarioStatusRequest.self, RPCNoParams())
                try client.processBufferedLines()
                nextScenarioPoll = now + Self.scenarioPollNanoseconds
                continue
            }
            if now >= nextFrame {
                state.advanceFrame()
                let lines = WatchFrame.render(
                    state, width: size.columns, height: size.rows, glyphs: glyphs, style: session.context.style)
                screen.write(painter.update(to: lines))
                // A slow terminal skips frames rather than falling ever further behind.
                nextFrame = max(nextFrame + Self.frameNanoseconds, now + Self.frameNanoseconds / 2)
            }
            let wait = Int32((nextFrame - min(nextFrame, MonotonicClock.now)) / 1_000_000)
            var ready: Set<Token> = []
            try epoll.wait(timeoutMilliseconds: wait) { event in
                if let token = Token(rawValue: event.userData) { ready.insert(token) }
            }
            if ready.contains(.signal) {
                while let received = try signals.read() {
                    guard received.signal == SIGWINCH else { return .success }
                    size = currentSize()
                    painter.invalidate()
                    nextFrame = MonotonicClock.now
                }
            }
            if ready.contains(.keyboard) {
                let count = Glibc.read(STDIN_FILENO, &keys, keys.count)
                if count == 0 {
                    try epoll.remove(.standardInput)
                } else if count > 0, keys[..<count].contains(where: Self.quitsView) {
                    return .success
                }
            }
            if ready.contains(.daemon) {
                guard try client.receive() else { throw ClientError.disconnected(client.socketPath) }
            }
        }
    }

    /// `q`, `Q`, Ctrl-C and Ctrl-D end the view.
    static func quitsView(_ key: UInt8) -> Bool {
        key == UInt8(ascii: "q") || key == UInt8(ascii: "Q") || key == 0x03 || key == 0x04
    }

    private func absorb(_ notifications: [RPCNotification], into state: inout WatchState) throws {
        for notification in notifications {
            guard let event = notification.event else { continue }
            let decoder = JSONValueDecoder()
            switch event.topic {
            case .traffic:
                if let traffic = try? decoder.decode(TrafficEvent.self, from: event.data) { state.absorb(traffic) }
            case .sim:
                if let sim = try? decoder.decode(SimEvent.self, from: event.data) { state.absorb(sim) }
            case .scenario:
                if let scenario = try? decoder.decode(ScenarioEvent.self, from: event.data) { state.absorb(scenario) }
            default:
                continue
            }
        }
    }

    private func currentSize() -> TerminalSize {
        TerminalSize.of(STDOUT_FILENO) ?? TerminalSize(columns: session.context.terminal.width, rows: 24)
    }
}
