import Foundation
import Testing

@testable import SocSim

@Suite struct FirewallExportTests {
    private let sample: [FirewallRule] = [
        FirewallRule(
            id: 1, position: 1, source: .host(IPv4Address(198, 51, 100, 7)),
            destination: .host(IPv4Address(10, 0, 0, 10)),
            destinationPort: .port(80), proto: .tcp, action: .drop, comment: #"web "scanner" \ one"#, createdAt: 0),
        FirewallRule(
            id: 2, position: 2, destinationPort: .range(1000, 2000), action: .reject, comment: "ports", createdAt: 0),
        FirewallRule(
            id: 3, position: 3, source: .network(IPv4CIDR("10.0.0.0/8")!), proto: .icmp, action: .accept, createdAt: 0),
        FirewallRule(id: 4, position: 4, sourcePort: .port(53), proto: .udp, action: .accept, createdAt: 0),
        FirewallRule(
            id: 5, position: 5, destination: .host(IPv4Address(10, 0, 0, 11)), proto: .tcp, action: .drop, createdAt: 0),
    ]

    @Test func nftScriptIsCompleteAndCanonical() {
        #expect(
            NftablesScript.render(sample, defaultPolicy: .drop) == """
                #!/usr/sbin/nft -f
                # socd firewall: 5 rules, default policy DROP
                table inet socd
                delete table inet socd
                table inet socd {
                \tchain forward {
                \t\ttype filter hook forward priority filter; policy drop;
                \t\tip saddr 198.51.100.7 ip daddr 10.0.0.10 tcp dport 80 counter drop comment "web 'scanner' \\ one"
                \t\tmeta nfproto ipv4 meta l4proto { tcp, udp } th dport 1000-2000 counter reject comment "ports"
                \t\tip saddr 10.0.0.0/8 meta l4proto icmp counter accept
                \t\tmeta nfproto ipv4 udp sport 53 counter accept
                \t\tip daddr 10.0.0.11 meta l4proto tcp counter drop
                \t}
                }

                """)
    }

    @Test func iptablesRestoreIsCompleteAndCanonical() {
        #expect(
            IptablesRestoreScript.render(sample, defaultPolicy: .accept) == #"""
                # socd firewall: 5 rules, default policy ACCEPT
                *filter
                :FORWARD ACCEPT [0:0]
                -A FORWARD -s 198.51.100.7/32 -d 10.0.0.10/32 -p tcp -m tcp --dport 80 -m comment --comment "web \"scanner\" \\ one" -j DROP
                -A FORWARD -p tcp -m tcp --dport 1000:2000 -m comment --comment "ports" -j REJECT
                -A FORWARD -p udp -m udp --dport 1000:2000 -m comment --comment "ports" -j REJECT
                -A FORWARD -s 10.0.0.0/8 -p icmp -j ACCEPT
                -A FORWARD -p udp -m udp --sport 53 -j ACCEPT
                -A FORWARD -d 10.0.0.11/32 -p tcp -j DROP
                COMMIT

                """#)
    }

    @Test func commentsAreMadeSafeForEachTool() {
        var rule = sample[0]
        rule.comment = String(repeating: "é", count: 100)
        let statement = NftablesScript.statement(for: rule)
        let comment = statement.split(separator: "\"")[1]
        #expect(comment.utf8.count == 128)
    }

    /// Whatever socd exports, it imports back to the same rules (comments as sanitised).
    @Test(arguments: 0..<20)
    func exportsRoundTrip(seed: UInt64) throws {
        var world = RandomFirewallWorld(seed: seed)
        let rules = (0..<50).map { _ in world.rule() }
        for (render, parse) in [
            (NftablesScript.render, NftablesScript.parse),
            (IptablesRestoreScript.render, IptablesRestoreScript.parse),
        ] as [(([FirewallRule], RuleAction) -> String, (String) throws(RuleImportError) -> ImportedRules)] {
            let imported = try parse(render(rules, .drop))
            #expect(imported.defaultPolicy == .drop)
            let keys = try imported.specs.map { try $0.validatedMatch() }
            #expect(keys == rules.map(\.matchKey))
            #expect(imported.specs.map(\.comment) == rules.map { $0.comment.isEmpty ? nil : $0.comment })
        }
    }

    @Test func importErrorsNameTheLine() {
        func nftError(_ text: String) -> String? {
            do {
                _ = try NftablesScript.parse(text)
                return nil
            } catch { return error.description }
        }
        func iptablesError(_ text: String) -> String? {
            do {
                _ = try IptablesRestoreScript.parse(text)
                return nil
            } catch { return error.description }
        }
        #expect(
            nftError("table inet socd {\n  ip saddr 1.2.3.4 ct state new drop\n}")
                == #"line 2: "ct" is not supported (socd imports the subset it exports)"#)
        #expect(nftError("ip saddr 1.2.3.400 drop") == #"line 1: src: "1.2.3.400" is not an IPv4 address or CIDR"#)
        #expect(nftError("\n\ntcp dport 80 counter") == "line 3: the rule has no verdict (accept, drop or reject)")
        #expect(nftError("tcp dport 80 drop comment \"open") == "line 1: a quoted string is not closed")
        #expect(
            iptablesError("*nat\n-A PREROUTING -j DNAT\nCOMMIT")
                == #"line 1: table "nat" is not supported (socd imports the subset it exports)"#)
        #expect(
            iptablesError("*filter\n-A INPUT -j DROP\nCOMMIT")
                == #"line 2: chain "INPUT" is not supported (socd imports the subset it exports)"#)
        #expect(
            iptablesError("*filter\n-A FORWARD -p tcp --dport 70000 -j DROP\nCOMMIT")
                == #"line 2: dport: "70000" is outside 0-65535"#)
        #expect(
            iptablesError("*filter\n-A FORWARD ! -s 1.2.3.4 -j DROP\nCOMMIT")
                == #"line 2: option "!" is not supported (socd imports the subset it exports)"#)
        #expect(iptablesError("-A FORWARD -j DROP") == #"line 1: rules must follow a "*filter" line"#)
    }

    @Test func iptablesSaveOutputImports() throws {
        let saved = """
            # Generated by iptables-save v1.8.9
            *filter
            :INPUT ACCEPT [12:3400]
            :FORWARD DROP [0:0]
            :OUTPUT ACCEPT [0:0]
            -A FORWARD -s 203.0.113.0/24 -p tcp -m tcp --sport 1024:65535 --dport 22 -j REJECT --reject-with icmp-port-unreachable
            COMMIT
            """
        let imported = try IptablesRestoreScript.parse(saved)
        #expect(imported.defaultPolicy == .drop)
        #expect(
            try imported.rules.map { try $0.spec.validatedMatch() } == [
                RuleMatchKey(
                    source: .network(IPv4CIDR("203.0.113.0/24")!), sourcePort: .range(1024, 65535),
                    destinationPort: .port(22), proto: .tcp, action: .reject)
            ])
        #expect(imported.rules.first?.line == 6)
    }

    @Test func nftAcceptsTheGeneratedScript() throws {
        try checkWithTool(
            "nft", arguments: ["-c", "-f"], script: NftablesScript.render(sample, defaultPolicy: .drop), suffix: "nft")
    }

    @Test func iptablesRestoreAcceptsTheGeneratedFile() throws {
        try checkWithTool(
            "iptables-restore", arguments: ["--test"],
            script: IptablesRestoreScript.render(sample, defaultPolicy: .drop),
            suffix: "rules")
    }

    /// Runs the real tool in check mode when it is installed and usable here; otherwise records
    /// why the check was skipped instead of pretending it passed.
    private func checkWithTool(_ tool: String, arguments: [String], script: String, suffix: String) throws {
        guard
            let path = ["/usr/sbin/", "/sbin/", "/usr/bin/"].map({ $0 + tool }).first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else {
            print("skipped: \(tool) is not installed (apt-get install -y nftables iptables)")
            return
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("socd-export-\(getpid()).\(suffix)")
        try script.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments + [file.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if process.terminationStatus != 0
            && (output.contains("Operation not permitted") || output.contains("Permission denied")
                || output.contains("Could not fetch rule set"))
        {
            print("skipped: \(tool) cannot run in this sandbox: \(output)")
            return
        }
        #expect(process.terminationStatus == 0, "\(tool) refused the generated file: \(output)")
    }
}
