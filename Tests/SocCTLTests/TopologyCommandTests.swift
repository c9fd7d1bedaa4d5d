import JSONRPC
import SocCTL
import SocProtocol
import Testing

@Suite struct TopologyCommandTests {
    @Test func theRoomsNetworkIsDrawnToTheTerminalsWidth() throws {
        let server = try rulesServer(["topology.get": SimFixtures.topology])
        let run = SimRun(["--socket", server.socketPath, "topology"], columns: 100)
        #expect(run.status == .success)
        #expect(run.standardError == "")
        #expect(
            run.standardOutput == """
                ┌─────────────────────┐
                │ internet            ├────────────┐
                │ visitors, attackers │            │
                └─────────────────────┘            │
                ┌─────────────────────┐            │           ┌───────────────────┐            ┌────────────────┐
                │ workstation-1       ├────────────┼───────────┤ router            ├────────────┤ web-server     │
                │ 10.0.0.21           │            │           │ 10.0.0.1          │            │ 10.0.0.10      │
                └─────────────────────┘            │           │ firewall DNS DHCP │            │ http:80 ssh:22 │
                ┌─────────────────────┐            │           └───────────────────┘            └────────────────┘
                │ workstation-2       ├────────────┘
                │ 10.0.0.22           │
                └─────────────────────┘

                LAN 10.0.0.0/24 on router eth1; the internet on eth0.

                """)
        #expect(server.finish() == [#"{"id":1,"jsonrpc":"2.0","method":"topology.get","params":{}}"#])
    }

    @Test func aNarrowTerminalOrAnASCIILocaleGetsASmallerASCIIDrawing() throws {
        let server = try rulesServer(connections: 2, ["topology.get": SimFixtures.topology])
        let expected = """
            +------------+
            | internet   +----+
            | visitors,~ |    |
            +------------+    |
            +------------+    |   +-------------+    +------------+
            | workstati~ +----+---+ router      +----+ web-server |
            | 10.0.0.21  |    |   | 10.0.0.1    |    | 10.0.0.10  |
            +------------+    |   | firewall D~ |    | http:80 s~ |
            +------------+    |   +-------------+    +------------+
            | workstati~ +----+
            | 10.0.0.22  |
            +------------+

            LAN 10.0.0.0/24 on router eth1; the internet on eth0.

            """
        let ascii = SimRun(["--socket", server.socketPath, "topology", "--ascii"], columns: 55)
        #expect(ascii.standardOutput == expected)
        let cLocale = SimRun(["--socket", server.socketPath, "topology"], columns: 55, utf8: false)
        #expect(cLocale.standardOutput == expected)
        for line in expected.split(separator: "\n") { #expect(line.count <= 55) }
        _ = server.finish()
    }

    @Test func jsonIsTheResultAsSent() throws {
        let server = try rulesServer(["topology.get": SimFixtures.topology])
        let run = SimRun(["--socket", server.socketPath, "topology", "--json"])
        #expect(try JSONValue(parsing: run.standardOutput.dropLast().utf8) == SimFixtures.topology)
        _ = server.finish()
    }

    @Test func linkPathsRunFromEachBoxToTheRouter() throws {
        let topology = SimFixtures.decode(TopologyGetRequest.Result.self, SimFixtures.topology)
        let diagram = NetworkDiagram(topology: topology, width: 100)
        let router = try #require(diagram.box(of: "router"))
        for host in ["internet", "workstation-1", "workstation-2", "web-server"] {
            let box = try #require(diagram.box(of: host))
            let path = try #require(diagram.linkPaths[host])
            #expect(path.first?.row == box.linkRow)
            #expect(path.last?.row == router.linkRow)
            #expect(path.last?.column == (host == "web-server" ? router.rightEdge + 1 : router.origin.column - 1))
            // Neighbouring cells: a packet moving along it never jumps.
            for (a, b) in zip(path, path.dropFirst()) {
                #expect(abs(a.row - b.row) + abs(a.column - b.column) == 1)
            }
        }
        #expect(diagram.path(from: "internet", to: "router") == diagram.linkPaths["internet"])
    }
}
