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

    package static let standard = ScenarioCatalog(scenarios: [webFlood, rotatingFlood, sharedGatewayLoginFlood])

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
}
