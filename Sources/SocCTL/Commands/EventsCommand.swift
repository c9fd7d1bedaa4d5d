import Glibc
import JSONRPC
import SocPOSIX
import SocProtocol

/// `socctl events`: subscribes and prints events as they come, until interrupted.
enum EventsCommand {
    static let topics = EventTopic.allCases.map(\.rawValue)

    static let spec = CommandSpec(
        name: "events", abstract: "Follow events as they happen, until interrupted.",
        discussion: """
            Prints one line per event: the local time it arrived, its topic and a summary of its \
            data; with --json, each notification's params as one line of JSON. Ctrl-C or SIGTERM \
            ends it with status 0; the daemon closing the connection ends it with status 69.
            """,
        examples: [UsageExample("Follow the audit trail:", "socctl events --topic audit")],
        options: [
            .option(
                "topic", short: "t", valueName: "TOPIC",
                help: "Only events of this topic (\(topics.joined(separator: ", "))); repeat for more. Default: all.",
                repeatable: true, completion: .words(topics))
        ]
    ) { parsed, context in
        var topics: [EventTopic] = []
        for name in parsed.strings("topic") {
            guard let topic = EventTopic(rawValue: name) else {
                throw UsageError.invalidValue(
                    name, for: "'--topic'", expected: "one of \(EventsCommand.topics.joined(separator: ", "))",
                    commandPath: parsed.path)
            }
            if !topics.contains(topic) { topics.append(topic) }
        }
        return try follow(topics: topics, session: DaemonSession(parsed, context))
    }

    /// The signals that end the stream cleanly.
    static let stopSignals = [SIGINT, SIGTERM]

    private static func follow(topics: [EventTopic], session: DaemonSession) throws -> ExitStatus {
        let output = session.context.standardOutput
        // Blocked before connecting, so that a Ctrl-C at any point ends the command through the
        // same clean path; they are unblocked again once the descriptor is closed.
        let signals = try SignalFD(signals: stopSignals)
        defer {
            try? signals.close()
            try? Signals.unblock(stopSignals)
        }
        let client = try session.connect()
        let subscription = try client.call(SubscribeRequest.self, .init(topics: topics.isEmpty ? nil : topics))
        if !session.wantsJSON && session.context.terminal.standardErrorIsTerminal {
            let names = subscription.topics.map(\.rawValue).joined(separator: ", ")
            session.context.standardError.writeLine("Following \(names) events; press Ctrl-C to stop.")
            session.context.standardError.flush()
        }
        let end = try client.streamNotifications(until: signals) { notification in
            guard notification.method == EventNotification.method, let params = notification.params else { return }
            if session.wantsJSON {
                output.writeLine(params.serializedString)
            } else if let event = notification.event {
                output.writeLine(EventLine.format(event, at: .now()))
            }
            if !client.hasPendingNotifications { output.flush() }
        }
        output.flush()
        switch end {
        case .signal:
            return .success
        case .endOfFile:
            throw ClientError.disconnected(client.socketPath)
        }
    }
}
