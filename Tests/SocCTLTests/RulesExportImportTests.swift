import Glibc
import JSONRPC
import SocCTL
import SocProtocol
import Testing

@Suite struct RulesExportImportTests {
    static let nftScript = """
        #!/usr/sbin/nft -f
        # socd firewall: 1 rule, default policy ACCEPT
        table inet socd
        delete table inet socd
        table inet socd {
        \tchain forward {
        \t\ttype filter hook forward priority filter; policy accept;
        \t\tip saddr 198.51.100.7 ip daddr 10.0.0.10 meta l4proto { tcp, udp } th dport 80 counter drop comment "é \\"web\\""
        \t}
        }

        """

    @Test func exportWritesTheContentByteForByte() throws {
        let result: JSONValue = ["format": "nft", "count": 1, "content": .string(Self.nftScript)]
        let server = try rulesServer(connections: 2, ["rules.export": result])
        let run = RulesRun(["--socket", server.socketPath, "rules", "export", "--format", "nft"])
        #expect(run.status == .success)
        #expect(Array(run.standardOutput.utf8) == Array(Self.nftScript.utf8))
        let json = RulesRun(["--socket", server.socketPath, "rules", "export", "-f", "nft", "--json"])
        #expect(json.standardOutput == result.serializedString + "\n")
        #expect(
            server.finish() == Array(repeating: RuleReplies.request("rules.export", #"{"format":"nft"}"#), count: 2))
    }

    @Test func exportWithoutANewlineAddsNone() throws {
        let server = try rulesServer(["rules.export": ["format": "json", "count": 0, "content": #"{"rules":[]}"#]])
        let run = RulesRun(["--socket", server.socketPath, "rules", "export"])
        #expect(run.standardOutput == #"{"rules":[]}"#)
        #expect(server.finish() == [RuleReplies.request("rules.export", #"{"format":"json"}"#)])
    }

    @Test func anUnknownExportFormatIsAUsageError() {
        let run = RulesRun(["--socket", "/nonexistent", "rules", "export", "--format", "pf"])
        #expect(run.status == .usage)
        #expect(
            run.standardError.hasPrefix(
                "socctl: invalid value 'pf' for '--format': expected one of json, nft, iptables-restore\n"))
    }

    static let imported: JSONValue = ["created": 2, "extended": 1, "ids": [4, 5, 1]]

    /// Writes `contents` to `name` in a new directory and returns its path.
    static func file(_ name: String, _ contents: String, in directory: TemporaryDirectory) -> String {
        let path = directory.path + "/" + name
        let handle = fopen(path, "w")!
        fputs(contents, handle)
        fclose(handle)
        return path
    }

    @Test(arguments: [
        ("saved.nft", "nft"), ("saved.NFT", "nft"), ("rules.v4", "iptables-restore"), ("fw.rules", "iptables-restore"),
        ("backup.json", "json"),
    ])
    func importTakesTheFormatFromTheExtension(name: String, format: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Content that looks like another format: the extension wins.
        let path = Self.file(name, "# a comment\n", in: directory)
        let server = try rulesServer(["rules.import": Self.imported])
        let run = RulesRun(["--socket", server.socketPath, "rules", "import", path])
        #expect(run.status == .success)
        #expect(run.standardOutput == "imported 3 rules from \(path) (\(format)): 2 created, 1 extended\n")
        #expect(
            server.finish() == [
                RuleReplies.request("rules.import", ##"{"content":"# a comment\n","format":"\##(format)"}"##)
            ])
    }

    @Test(arguments: [
        (nftScript, RuleFormat.nft),
        ("table inet socd {\n}\n", .nft),
        ("# iptables-save\n*filter\n:FORWARD ACCEPT [0:0]\nCOMMIT\n", .iptablesRestore),
        ("\n  {\"rules\": []}\n", .json),
        ("[]", .json),
    ])
    func importDetectsTheFormatFromTheContent(content: String, format: RuleFormat) throws {
        #expect(RulesFormatDetection.detect(path: "/tmp/exported", content: content) == format)
    }

    @Test func importSendsTheFileAndReplaceWhenAsked() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = Self.file("firewall", Self.nftScript, in: directory)
        let server = try rulesServer(["rules.import": Self.imported])
        let run = RulesRun(["--socket", server.socketPath, "rules", "import", path, "--replace"])
        #expect(run.standardOutput == "replaced the rules with 3 rules from \(path) (nft): 2 created, 1 extended\n")
        let params = JSONValue.object(["content": .string(Self.nftScript), "format": "nft", "replace": true])
        #expect(server.finish() == [RuleReplies.request("rules.import", params.serializedString)])
    }

    @Test func importReadsStandardInputForDash() throws {
        let pipe = try Pipe(contents: "*filter\nCOMMIT\n")
        defer { pipe.close() }
        let server = try rulesServer(["rules.import": ["created": 0, "extended": 0, "ids": []]])
        let run = RulesRun(
            ["--socket", server.socketPath, "rules", "import", "-", "--json"], standardInput: pipe.reader)
        #expect(run.status == .success)
        #expect(run.standardOutput == #"{"created":0,"extended":0,"ids":[]}"# + "\n")
        #expect(
            server.finish() == [
                RuleReplies.request("rules.import", #"{"content":"*filter\nCOMMIT\n","format":"iptables-restore"}"#)
            ])
    }

    @Test func anExplicitFormatWinsOverDetection() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = Self.file("odd.json", "table inet socd {}\n", in: directory)
        let server = try rulesServer(["rules.import": Self.imported])
        _ = RulesRun(["--socket", server.socketPath, "rules", "import", path, "--format", "nft"])
        #expect(server.finish().first?.hasSuffix(#""format":"nft"}}"#) == true)
    }

    @Test func anUndetectableFormatNeedsTheOption() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = Self.file("notes.txt", "block the attacker\n", in: directory)
        let run = RulesRun(["--socket", "/nonexistent", "rules", "import", path])
        #expect(run.status == .usage)
        #expect(
            run.standardError
                == "socctl: cannot tell the format of \(path); give --format json|nft|iptables-restore\nTry 'socctl rules import --help'.\n"
        )
    }

    @Test func aMissingFileExits66() {
        let run = RulesRun(["--socket", "/nonexistent", "rules", "import", "/nonexistent/rules.nft"])
        #expect(run.status == .noInput)
        #expect(run.standardError == "socctl: cannot open /nonexistent/rules.nft: No such file or directory\n")
    }

    @Test func theDaemonsParseErrorExits1() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = Self.file("bad.nft", "junk\n", in: directory)
        let invalid = RPCError(
            code: RPCErrorCode.invalidParams,
            message: #"Invalid params: content: line 1: "junk" is not supported (socd imports the subset it exports)"#)
        let server = try rulesServer([:], errors: ["rules.import": invalid])
        let run = RulesRun(["--socket", server.socketPath, "rules", "import", path])
        #expect(run.status == .failure)
        #expect(run.standardError == "socctl: \(invalid.message)\n")
        _ = server.finish()
    }
}
