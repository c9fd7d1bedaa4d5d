import JSONRPC
import SocCTL
import SocProtocol
import Testing

@Suite struct LogsCommandTests {
    static let firewallLine =
        "May 14 09:00:05 router kernel: [FW DROP] IN=eth0 OUT=eth1 SRC=198.51.100.7 DST=10.0.0.10 LEN=400 PROTO=TCP SPT=52142 DPT=80 ACK PSH"

    static let tail: JSONValue = [
        "source": "firewall", "nextSinceTick": 54,
        "records": [
            [
                "tick": 53, "line": .string(firewallLine),
                "ecs": [
                    "@timestamp": "2024-05-14T09:00:05.300Z", "event.action": "drop", "event.dataset": "firewall",
                    "source.ip": "198.51.100.7", "destination.port": 80,
                ],
            ]
        ],
    ]

    @Test func tailPrintsNativeLines() throws {
        let server = try rulesServer(["logs.tail": Self.tail])
        let run = SimRun(["--socket", server.socketPath, "logs", "tail", "--source", "firewall", "-n", "5"])
        #expect(run.status == .success)
        #expect(run.standardOutput == Self.firewallLine + "\n")
        #expect(server.finish() == [RuleReplies.request("logs.tail", #"{"limit":5,"source":"firewall"}"#)])
    }

    @Test func anEmptyTailSaysSoOnStandardError() throws {
        let server = try rulesServer(["logs.tail": ["source": "dns", "nextSinceTick": 0, "records": []]])
        let run = SimRun(["--socket", server.socketPath, "logs", "tail", "--source", "dns"])
        #expect(run.status == .success)
        #expect(run.standardOutput == "")
        #expect(run.standardError == "socctl: no dns records yet\n")
        _ = server.finish()
    }

    @Test func ecsPrintsEachRecordsFieldsAsOneLineOfJSON() throws {
        let server = try rulesServer(["logs.tail": Self.tail])
        let run = SimRun(["--socket", server.socketPath, "logs", "tail", "--source", "firewall", "--ecs"])
        #expect(
            run.standardOutput
                == #"{"@timestamp":"2024-05-14T09:00:05.300Z","destination.port":80,"event.action":"drop","event.dataset":"firewall","source.ip":"198.51.100.7"}"#
                + "\n")
        _ = server.finish()
    }

    @Test func anUnknownSourceIsAUsageError() {
        let run = SimRun(["--socket", "/nonexistent", "logs", "tail", "--source", "syslog"])
        #expect(run.status == .usage)
        #expect(
            run.standardError
                == "socctl: invalid value 'syslog' for '--source': expected one of firewall, web.access, auth, dns, dhcp\nTry 'socctl logs tail --help'.\n"
        )
        #expect(
            SimRun(["--socket", "/nonexistent", "logs", "tail"]).standardError.hasPrefix(
                "socctl: missing option '--source'"))
    }

    @Test func sourcesIsATable() throws {
        let sources: JSONValue = [
            "sources": [
                [
                    "name": "firewall", "title": "Firewall log", "nativeFormat": "iptables LOG (kern.log)",
                    "retained": 3132, "written": 3132, "retention": 20000,
                ],
                [
                    "name": "dns", "title": "DNS query log", "nativeFormat": "dnsmasq log-queries", "retained": 9,
                    "written": 9, "retention": 5000,
                ],
            ]
        ]
        let server = try rulesServer(["logs.sources": sources])
        let run = SimRun(["--socket", server.socketPath, "logs", "sources"])
        #expect(
            run.standardOutput == """
                SOURCE    TITLE          FORMAT                   RETAINED  WRITTEN  RETENTION
                firewall  Firewall log   iptables LOG (kern.log)     3,132    3,132     20,000
                dns       DNS query log  dnsmasq log-queries             9        9      5,000

                """)
        _ = server.finish()
    }
}
