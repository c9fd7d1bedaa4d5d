import JSONRPC
import SocCTL
import SocPOSIX
import Testing

@Suite struct IntelCommandTests {
    static let indicator: JSONValue = [
        "id": 1, "type": "cidr", "value": "198.51.100.0/24", "source": "partner", "confidence": 80,
        "tags": ["botnet"],
    ]

    @Test func listIsATable() throws {
        let server = try rulesServer(["intel.list": ["indicators": [Self.indicator], "total": 1]])
        let run = RulesRun(["--socket", server.socketPath, "intel"])
        #expect(
            run.standardOutput == """
                ID  TYPE  VALUE            CONF  SOURCE   EXPIRES  TAGS
                 1  cidr  198.51.100.0/24    80  partner  never    botnet
                1 indicator

                """)
        #expect(server.finish() == [RuleReplies.request("intel.list", "{}")])
    }

    @Test func addAndRemoveSendTheFields() throws {
        let server = try rulesServer(connections: 2, ["intel.add": Self.indicator, "intel.delete": Self.indicator])
        let add = RulesRun([
            "--socket", server.socketPath, "intel", "add", "198.51.100.0/24", "--source", "partner", "--confidence",
            "80", "--tag", "botnet", "--ttl", "1d",
        ])
        #expect(add.standardOutput == "indicator 1: cidr 198.51.100.0/24\n")
        let remove = RulesRun(["--socket", server.socketPath, "intel", "rm", "1"])
        #expect(remove.standardOutput == "deleted indicator 1: cidr 198.51.100.0/24\n")
        #expect(
            server.finish() == [
                RuleReplies.request(
                    "intel.add",
                    #"{"confidence":80,"source":"partner","tags":["botnet"],"ttl":"1d","value":"198.51.100.0/24"}"#),
                RuleReplies.request("intel.delete", #"{"id":1}"#),
            ])
    }

    @Test func checkExitsNonZeroWhenNothingMatches() throws {
        let server = try rulesServer(
            connections: 1, ["intel.check": ["value": "192.0.2.1", "matched": false]])
        let run = RulesRun(["--socket", server.socketPath, "intel", "check", "192.0.2.1"])
        #expect(run.status == .failure)
        #expect(run.standardOutput == "192.0.2.1 matches no indicator\n")
        _ = server.finish()
    }

    @Test func importReadsTheFileAndTellsTheFormatFromIt() throws {
        let directory = try TemporaryDirectory()
        let path = RulesExportImportTests.file("feed.csv", "value,type\nevil.example,domain\n", in: directory)
        let server = try rulesServer(["intel.import": ["imported": 1]])
        let run = RulesRun(["--socket", server.socketPath, "intel", "import", path])
        #expect(run.standardOutput == "imported 1 indicator\n")
        #expect(
            server.finish() == [
                RuleReplies.request("intel.import", #"{"content":"value,type\nevil.example,domain\n","format":"csv"}"#)
            ])
    }
}
