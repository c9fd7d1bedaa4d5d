import JSONRPC
import SocCTL
import SocPOSIX
import SocProtocol

/// Runs the real socctl tree in-process for the simulation commands' tests, with the terminal
/// facts their output depends on fixed: the width, the locale (which picks box drawing or
/// ASCII) and whether colour is on.
struct SimRun {
    var status: ExitStatus
    var standardOutput: String
    var standardError: String

    init(_ arguments: [String], columns: Int = 100, utf8: Bool = true, color: Bool = false) {
        let output = OutputStream.memory()
        let error = OutputStream.memory()
        let terminal = Terminal(
            environment: { $0 == "COLUMNS" ? String(columns) : nil }, standardOutputIsTerminal: false,
            standardErrorIsTerminal: false, windowColumns: nil, colorMode: color ? .always : .never)
        let context = CommandContext(
            terminal: terminal, standardOutput: output, standardError: error,
            environment: utf8 ? ["LANG": "C.UTF-8"] : [:], effectiveUID: 1000)
        status = CommandLineTool.run(root: Socctl.root, arguments: arguments, context: context)
        standardOutput = output.text
        standardError = error.text
    }
}

/// Replies shaped like socd's for the room's network, taken from a real run.
enum SimFixtures {
    static let topology: JSONValue = [
        "hosts": [
            [
                "addressAssignment": "manual", "name": "internet", "position": "left", "role": "internet",
                "services": [],
            ],
            [
                "address": "10.0.0.1", "addressAssignment": "manual", "mac": "52:54:00:32:4a:50", "name": "router",
                "position": "middle", "role": "router",
                "services": [
                    ["name": "dns", "port": 53, "proto": "udp"], ["name": "dhcp", "port": 67, "proto": "udp"],
                ],
            ],
            [
                "address": "10.0.0.10", "addressAssignment": "manual", "mac": "52:54:00:4e:7b:42",
                "name": "web-server", "position": "right", "role": "server",
                "services": [
                    ["name": "http", "port": 80, "proto": "tcp"], ["name": "ssh", "port": 22, "proto": "tcp"],
                ],
            ],
            [
                "address": "10.0.0.21", "addressAssignment": "dhcp", "mac": "52:54:00:97:c7:99",
                "name": "workstation-1", "position": "left", "role": "workstation", "services": [],
            ],
            [
                "address": "10.0.0.22", "addressAssignment": "dhcp", "mac": "52:54:00:91:41:5e",
                "name": "workstation-2", "position": "left", "role": "workstation", "services": [],
            ],
        ],
        "lan": "10.0.0.0/24", "lanInterface": "eth1",
        "links": [
            ["host": "internet", "router": "router", "routerInterface": "eth0"],
            ["host": "web-server", "router": "router", "routerInterface": "eth1"],
            ["host": "workstation-1", "router": "router", "routerInterface": "eth1"],
            ["host": "workstation-2", "router": "router", "routerInterface": "eth1"],
        ],
        "wanInterface": "eth0",
    ]

    static func packet(
        id: Int, tick: Int = 1234, src: String = "198.51.100.7", sport: Int = 41522, dst: String = "10.0.0.10",
        dport: Int = 80, proto: String = "tcp", summary: String = "GET /login", malicious: Bool = true,
        srcHost: String? = nil, dstHost: String? = "web-server", verdict: String = "DROP", ruleId: Int? = 1,
        outcome: String = "blocked", time: String = "2024-05-14T14:03:07.120Z"
    ) -> JSONValue {
        var members: [String: JSONValue] = [
            "id": .int(id), "tick": .int(tick), "time": .string(time), "src": .string(src), "dst": .string(dst),
            "sport": .int(sport), "dport": .int(dport), "proto": .string(proto), "size": 420, "flags": ["ACK", "PSH"],
            "summary": .string(summary), "malicious": .bool(malicious), "verdict": .string(verdict),
            "outcome": .string(outcome),
        ]
        if let srcHost { members["srcHost"] = .string(srcHost) }
        if let dstHost { members["dstHost"] = .string(dstHost) }
        if let ruleId { members["ruleId"] = .int(ruleId) }
        return .object(members)
    }

    /// An attack packet the firewall dropped, a visitor's request the busy server refused, and
    /// a workstation's DNS query.
    static let packets: [JSONValue] = [
        packet(id: 1),
        packet(
            id: 2, tick: 1235, src: "203.0.113.44", sport: 48615, summary: "GET /products", malicious: false,
            verdict: "ACCEPT", ruleId: nil, outcome: "refusedByServer", time: "2024-05-14T14:03:07.220Z"),
        packet(
            id: 3, tick: 1235, src: "10.0.0.21", sport: 54569, dst: "10.0.0.1", dport: 53, proto: "udp",
            summary: "DNS A docs.example.org", malicious: false, srcHost: "workstation-1", dstHost: "router",
            verdict: "ACCEPT", ruleId: nil, outcome: "delivered", time: "2024-05-14T14:03:07.220Z"),
    ]

    static let counters: JSONValue = [
        "packets": 3132, "accepted": 3000, "dropped": 120, "rejected": 12, "maliciousPackets": 2784,
        "maliciousBlocked": 132, "maliciousReachedServer": 2652, "maliciousThrough": 2652, "legitimatePackets": 348,
        "legitimateSucceeded": 237, "legitimateBlocked": 0, "legitimateRefusedByServer": 111, "legitimateLost": 111,
        "serverAnswered": 1135, "serverRefused": 1974,
    ]

    static func simStatus(state: String = "running", tick: Int = 54, solved: Bool = false) -> JSONValue {
        [
            "tick": .int(tick), "simulatedTime": "2024-05-14T09:00:05.400Z", "state": .string(state),
            "ticksPerSecond": 10.0, "scenario": "web-flood", "seed": 42, "siteHealth": "down",
            "serverLoad": 3.2924886804524065, "solved": .bool(solved), "counters": counters,
        ]
    }

    static let hints: JSONValue = [
        "Watch the traffic: red packets are the attack. Which source address do they share?",
        "In the firewall log, one SRC sends far more packets to DPT=80 than any visitor.",
    ]

    static func scenarioStatus(solved: Bool = false) -> JSONValue {
        var members: [String: JSONValue] = [
            "name": "web-flood", "title": "The website is under attack", "difficulty": "introductory",
            "objective":
                "The web server is flooded with requests on port 80. Find where the red packets come from and add the firewall rule that stops them, without cutting off the site's real visitors.",
            "hints": hints, "seed": 42, "tick": 540, "state": solved ? "solved" : "inProgress", "attackStarted": true,
            "ticksProtected": solved ? 100 : 40, "windowTicks": 100, "progress": solved ? 1.0 : 0.4,
            "legitimateSuccessRate": 0.985, "attackPacketsBlocked": 1_234, "attackPacketsThrough": 56,
            "legitimatePacketsLost": 111, "solved": .bool(solved),
        ]
        if solved {
            members["flag"] = "SOC{2f9c4e1ab7d05e3c}"
            members["outcome"] = [
                "solvedAtTick": 540, "ticksToSolve": 452, "secondsToSolve": 45.2, "attackPacketsBlocked": 1_234,
                "legitimatePacketsLost": 111, "legitimateSuccessRate": 0.985, "score": 87,
            ]
        }
        return .object(members)
    }

    /// An ssh-brute-force the attacker won at tick 1834, left running unblocked since.
    static let compromisedStatus: JSONValue = [
        "name": "ssh-brute-force", "title": "Someone is guessing SSH passwords", "difficulty": "introductory",
        "objective":
            "An address on the internet is trying password after password on the web server's SSH. Block it before it guesses right, without locking out the administrators, who log in over SSH from the office.",
        "hints": [
            "The server's authentication log (sshd) records every login: which address keeps failing?",
            "Once the attacker logs in, the server is theirs and the scenario is lost; reload it to try again.",
        ],
        "seed": 42, "tick": 2_000, "state": "compromised", "attackStarted": true, "ticksProtected": 0,
        "windowTicks": 100, "progress": 0.0, "legitimateSuccessRate": 1.0, "attackPacketsBlocked": 0,
        "attackPacketsThrough": 3_941, "legitimatePacketsLost": 0, "solved": false, "compromisedAtTick": 1_834,
        "compromise": ["tick": 1_834, "host": "web-server", "service": "ssh", "port": 22, "user": "deploy"],
    ]

    static func decode<Value: Decodable>(_ type: Value.Type, _ json: JSONValue) -> Value {
        try! JSONValueDecoder().decode(type, from: json)
    }
}
