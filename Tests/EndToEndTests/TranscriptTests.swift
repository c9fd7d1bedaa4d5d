import Foundation
import Testing

/// Runs every file in `Transcripts/` against its own freshly spawned socd, over one connection.
@Suite struct TranscriptTests {
    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Transcripts")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".js") }.sorted()
    }

    @Test func theTranscriptsAreThere() {
        #expect(Self.names.count >= 10, "found \(Self.names)")
    }

    @Test(arguments: names)
    func transcript(_ name: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        let transcript = try Transcript(name: name, text: text)
        let scratch = try Scratch()
        let socd = try scratch.startSocd(transcript.daemonArguments)
        let client = try socd.connect()

        var unsent: [UInt8] = []
        for step in transcript.steps {
            switch step {
            case .send(let bytes, _):
                unsent += bytes
            case .expect(let expected, let line):
                if !unsent.isEmpty {
                    try client.send(bytes: unsent)
                    unsent = []
                }
                guard let reply = try client.readLine(timeout: 10) else {
                    Issue.record(
                        "\(name):\(line): no reply (connection \(client.reachedEndOfFile ? "closed" : "silent"))")
                    return
                }
                if let mismatch = TranscriptMatch.mismatch(expected: expected, actual: reply) {
                    Issue.record("\(name):\(line): \(mismatch)")
                }
            }
        }
        if !unsent.isEmpty { try client.send(bytes: unsent) }
        try client.finishSending()
        let rest = try client.readToEndOfFile(timeout: 10)
        #expect(rest != nil, "\(name): socd did not close the connection after end of input")
        if let rest, !rest.isEmpty {
            Issue.record(
                "\(name): unexpected output after the last expected reply: \(String(decoding: rest, as: UTF8.self))")
        }
        #expect(socd.terminate() == 0, "\(socd.standardError)")
    }
}
