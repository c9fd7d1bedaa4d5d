/// The scenarios socd offers. `standard` holds the built-in ones; the default is the room's.
package struct ScenarioCatalog: Sendable {
    package var scenarios: [ScenarioDefinition]

    package init(scenarios: [ScenarioDefinition]) {
        precondition(Set(scenarios.map(\.name)).count == scenarios.count, "scenario names must be unique")
        self.scenarios = scenarios
    }

    package func definition(named name: String) -> ScenarioDefinition? {
        scenarios.first { $0.name == name }
    }

    package static let defaultScenarioName = "web-flood"

    /// Easiest first.
    package static let standard = ScenarioCatalog(scenarios: [
        webFlood, sshBruteForce, portScanThenFlood, rotatingFlood, dnsTunnel, rogueDHCPDevice,
        sharedGatewayLoginFlood,
    ])

    /// The room's check: 100 ticks (10 s at the default speed) clean, 90 % of legitimate traffic fine.
    package static let roomCheck = ScenarioCheck.sustainedProtection(windowTicks: 100, minimumLegitimateSuccess: 0.9)

    /// The LAN's everyday traffic, the same in every scenario.
    package static let backgroundTraffic: [TrafficSpec] = [
        .workstationActivity(visitsPerTick: 0.15, intranetRequestsPerTick: 0.04),
        .dhcpLeases(leaseTicks: 6_000),
        .adminSSH(sessionsPerTick: 0.01, typoChance: 0.3),
    ]

    private static let floodUserAgent = "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:40.0) Gecko/20100101 Firefox/40.1"

    /// The room: one address floods the site on port 80.
    package static let webFlood = ScenarioDefinition(
        name: "web-flood", title: "The website is under attack", difficulty: .introductory,
        objective:
            "The web server is flooded with requests on port 80. Find where the red packets come from and add "
            + "the firewall rule that stops them, without cutting off the site's real visitors.",
        hints: [
            "Watch the traffic: red packets are the attack. Which source address do they share?",
            "In the firewall log, one SRC sends far more packets to DPT=80 than any visitor.",
            "Add a rule <ATTACKING_IP> <SERVER_IP> ANY 80 DROP. Blocking all of port 80 takes the site down.",
        ],
        check: roomCheck,
        webServices: [NetworkTopology.httpService, NetworkTopology.sshService],
        serverCapacityPerTick: 40, attacker: .singleAddress, visitorsAvoidAttackerNetwork: false,
        traffic: [
            .publicBrowsing(requestsPerTick: 6, port: 80, loginFailureChance: 0.2),
            .httpFlood(
                requestsPerTick: 120, startTick: 30, port: 80,
                requests: [
                    HTTPRequest(method: .get, path: "/", userAgent: floodUserAgent),
                    HTTPRequest(method: .get, path: "/products", userAgent: floodUserAgent),
                    HTTPRequest(method: .get, path: "/search?q=a", userAgent: floodUserAgent),
                ]),
        ] + backgroundTraffic)

    /// A botnet in one /24 whose members take turns.
    package static let rotatingFlood = ScenarioDefinition(
        name: "web-flood-rotating", title: "The attack keeps changing address", difficulty: .intermediate,
        objective:
            "The flood now comes from many addresses, and new ones keep joining. Stop it with as few rules as "
            + "possible while the site keeps serving its visitors.",
        hints: [
            "Block one attacking address and watch: new ones take its place.",
            "Look at the attacking addresses side by side. What do they have in common?",
            "A firewall source can be a network in CIDR notation, such as 203.0.113.0/24.",
        ],
        check: roomCheck,
        webServices: [NetworkTopology.httpService, NetworkTopology.sshService],
        serverCapacityPerTick: 40, attacker: .rotatingWithin24(activeAddresses: 12, rotationTicks: 10),
        visitorsAvoidAttackerNetwork: true,
        traffic: [
            .publicBrowsing(requestsPerTick: 6, port: 80, loginFailureChance: 0.2),
            .httpFlood(
                requestsPerTick: 150, startTick: 30, port: 80,
                requests: [
                    HTTPRequest(method: .get, path: "/", userAgent: floodUserAgent),
                    HTTPRequest(method: .get, path: "/search?q=b", userAgent: floodUserAgent),
                ]),
        ] + backgroundTraffic)

    /// The attacker hides behind a partner's gateway, whose staff use the site over HTTPS.
    package static let sharedGatewayLoginFlood = ScenarioDefinition(
        name: "login-flood-shared-gateway", title: "An attacker behind a partner's gateway", difficulty: .advanced,
        objective:
            "Someone floods the login form from the address of a partner company, whose staff also use the site "
            + "all day. Stop the flood without locking the partner out.",
        hints: [
            "Compare what the attacking address sends with what else comes from it.",
            "The flood is POST /login on port 80; the partner's staff use HTTPS on port 443.",
            "A rule can name the destination port: <ATTACKING_IP> <SERVER_IP> ANY 80 DROP.",
        ],
        check: roomCheck,
        webServices: [NetworkTopology.httpService, NetworkTopology.httpsService, NetworkTopology.sshService],
        serverCapacityPerTick: 40, attacker: .singleAddress, visitorsAvoidAttackerNetwork: false,
        traffic: [
            .publicBrowsing(requestsPerTick: 3, port: 443, loginFailureChance: 0.2),
            .publicBrowsing(requestsPerTick: 1, port: 80, loginFailureChance: 0.2),
            .browsingFromAttackerAddress(requestsPerTick: 4, port: 443, loginFailureChance: 0.1),
            .httpFlood(
                requestsPerTick: 120, startTick: 30, port: 80,
                requests: [
                    HTTPRequest(
                        method: .post, path: WebCatalog.loginPath, userAgent: "python-requests/2.31.0",
                        credentialsValid: false)
                ]),
        ] + backgroundTraffic)

    /// Logins the deploy job and the administrators make from workstation-1 all day: frequent
    /// enough that a rule on all of port 22 shows in the check's SSH window at once.
    private static let busySSH = TrafficSpec.adminSSH(sessionsPerTick: 0.1, typoChance: 0.02)

    /// An internet address guessing passwords on the web server's SSH, until it guesses right.
    package static let sshBruteForce = ScenarioDefinition(
        name: "ssh-brute-force", title: "Someone is guessing SSH passwords", difficulty: .introductory,
        objective:
            "An address on the internet is trying password after password on the web server's SSH. Block it before "
            + "it guesses right, without locking out the administrators, who log in over SSH from the office.",
        hints: [
            "The server's authentication log (sshd) records every login: which address keeps failing?",
            "Once the attacker logs in, the server is theirs and the scenario is lost; reload it to try again.",
            "Add a rule <ATTACKING_IP> <SERVER_IP> ANY 22 DROP. Blocking all of port 22 locks the administrators out.",
        ],
        check: .sustainedProtection(windowTicks: 100, minimumLegitimateSuccess: 0.9, guarding: [.ssh]),
        webServices: [NetworkTopology.httpService, NetworkTopology.sshService],
        serverCapacityPerTick: 40, attacker: .singleAddress, visitorsAvoidAttackerNetwork: false,
        traffic: [
            .publicBrowsing(requestsPerTick: 6, port: 80, loginFailureChance: 0.2),
            busySSH,
            .sshBruteForce(attemptsPerTick: 2, startTick: 30, attemptsBeforeSuccess: 3_000...4_000),
        ] + backgroundTraffic)

    /// Reconnaissance, then the room's flood from the same address.
    package static let portScanThenFlood = ScenarioDefinition(
        name: "port-scan-then-flood", title: "A scan comes before the storm", difficulty: .introductory,
        objective:
            "An address is probing the web server's ports one after another. Scans often come before an attack: "
            + "block the scanner, ideally before its flood begins, while the site keeps serving its visitors.",
        hints: [
            "In the firewall log, look for one SRC sending SYN packets to many different DPT values.",
            "The scanner has a plan: after the scan it comes back with a flood on port 80.",
            "A rule on the scanner's address alone, <SCANNER_IP> <SERVER_IP> ANY ANY DROP, stops both.",
        ],
        check: roomCheck,
        webServices: [NetworkTopology.httpService, NetworkTopology.sshService],
        serverCapacityPerTick: 40, attacker: .singleAddress, visitorsAvoidAttackerNetwork: false,
        traffic: [
            .publicBrowsing(requestsPerTick: 6, port: 80, loginFailureChance: 0.2),
            // 1,024 ports at 8 a tick: ticks 30-157. The flood follows within the check's window,
            // so the quiet between them never passes for protection.
            .portScan(probesPerTick: 8, startTick: 30, ports: 1...1_024),
            .httpFlood(
                requestsPerTick: 120, startTick: 200, port: 80,
                requests: [
                    HTTPRequest(method: .get, path: "/", userAgent: floodUserAgent),
                    HTTPRequest(method: .get, path: "/login", userAgent: floodUserAgent),
                ]),
        ] + backgroundTraffic)

    /// Malware on an office machine smuggling data out through the router's DNS.
    package static let dnsTunnel = ScenarioDefinition(
        name: "dns-tunnel", title: "Data is leaving through DNS", difficulty: .intermediate,
        objective:
            "One of the office machines, whose user is away, keeps asking the router's DNS for long, random-looking "
            + "names under one domain: malware is smuggling data out. Cut the tunnel without breaking name lookups "
            + "for the rest of the office.",
        hints: [
            "The DNS log (dnsmasq) shows every query and the machine that asked.",
            "Find the names that are long, random and all under one domain. Which address sends them?",
            "The firewall matches addresses and ports, not names: <MACHINE_IP> <ROUTER_IP> ANY 53 DROP cuts that "
                + "machine's lookups (or isolate the machine). Blocking all of port 53 breaks everyone's.",
        ],
        check: .sustainedProtection(windowTicks: 100, minimumLegitimateSuccess: 0.9, guarding: [.dns]),
        webServices: [NetworkTopology.httpService, NetworkTopology.sshService],
        serverCapacityPerTick: 40, attacker: .singleAddress, visitorsAvoidAttackerNetwork: false,
        traffic: [
            .publicBrowsing(requestsPerTick: 6, port: 80, loginFailureChance: 0.2),
            .dnsTunnel(queriesPerTick: 3, startTick: 30),
        ] + backgroundTraffic)

    /// A device nobody registered, plugged into the office network.
    package static let rogueDHCPDevice = ScenarioDefinition(
        name: "rogue-dhcp-device", title: "A device nobody plugged in", difficulty: .intermediate,
        objective:
            "A device that is not in the inventory has joined the office network and is up to no good. Find the "
            + "address it was given and cut it off, while the office's own machines keep working.",
        hints: [
            "The DHCP log (dhcpd) shows every machine that asks for an address, by MAC and host name.",
            "The office's machines have fixed leases; a newcomer gets one from the pool. Which MAC is new, and "
                + "which address did DHCPACK give it?",
            "Block everything from that address: <DEVICE_IP> ANY ANY ANY DROP. Blocking the whole LAN, or all "
                + "outbound HTTPS, stops the office too.",
        ],
        check: .sustainedProtection(
            windowTicks: 100, minimumLegitimateSuccess: 0.9, guarding: [.ssh, .dns, .outboundHTTPS]),
        webServices: [NetworkTopology.httpService, NetworkTopology.sshService],
        serverCapacityPerTick: 40, attacker: .singleAddress, visitorsAvoidAttackerNetwork: false,
        traffic: [
            .publicBrowsing(requestsPerTick: 6, port: 80, loginFailureChance: 0.2),
            busySSH,
            .rogueDevice(joinTick: 30, uploadsPerTick: 1, loginAttemptsPerTick: 0.2),
        ] + backgroundTraffic)
}
