import Glibc
import JSONRPC
import SocPOSIX
import Testing

/// The spawned daemon answers the read methods and sets up its socket as the contract says.
@Suite struct BasicServingTests {
    @Test func answersPingVersionAndStatus() throws {
        let scratch = try Scratch()
        let socd = try scratch.startSocd()
        let client = try socd.connect()

        #expect(try client.call("system.ping") == ["id": 1, "jsonrpc": "2.0", "result": ["pong": true]])

        let version = try client.result("system.version")
        #expect(version["socd"]?.stringValue?.isEmpty == false)
        #expect(version["protocol"] == "1.0")
        #expect(version["sqlite"]?.stringValue?.hasPrefix("3.") == true)

        let status = try client.result("system.status")
        #expect(status["pid"] == .int(Int(socd.process.pid)))
        #expect(status["listener"] == "bound")
        #expect(status["socketPath"] == .string(socd.socketPath))
        #expect(status["stateDirectory"] == .string(scratch.state))
        #expect(status["connections"] == 1)
        #expect(status["logLevel"] == "info")
        #expect((status["uptimeSeconds"]?.doubleValue ?? -1) >= 0)

        #expect(socd.terminate() == 0)
    }

    @Test func createsTheSocketWithMode0660AndItsMissingParentDirectories() throws {
        let scratch = try Scratch()
        let path = scratch.file("run/nested/socd.sock")
        let socd = try SocdProcess(scratch, socketPath: path).waitUntilServing()
        let socket = try #require(try FileSystem.status(atPath: path))
        #expect(socket.kind == .socket)
        #expect(socket.permissions & 0o7777 == 0o660)
        #expect(try FileSystem.status(atPath: scratch.file("run/nested"))?.kind == .directory)
        #expect(try socd.connect().call("system.ping")["result"] == ["pong": true])
        #expect(socd.terminate() == 0)
        #expect(try FileSystem.status(atPath: path) == nil, "a clean stop removes the socket it bound")
    }

    @Test func aSecondSocdOnTheSamePathRefusesToStartWhileTheFirstKeepsServing() throws {
        let scratch = try Scratch()
        let first = try scratch.startSocd()
        let client = try first.connect()
        let second = try ChildProcess(
            BuiltProducts.socd, ["--socket", scratch.socket, "--state-dir", scratch.file("state2")],
            outputPrefix: scratch.file("second"))
        #expect(second.waitForExit(timeout: 10))
        #expect(second.exitStatus == 1)
        #expect(second.standardError.contains("another socd"), "\(second.standardError)")
        #expect(second.standardError.contains(scratch.socket), "\(second.standardError)")
        #expect(try client.call("system.ping")["result"] == ["pong": true])
        #expect(try first.connect().call("system.ping")["result"] == ["pong": true], "the socket file is intact")
        #expect(first.terminate() == 0)
    }

    @Test func replacesAStaleSocketFile() throws {
        let scratch = try Scratch()
        // A socket file nobody listens on, as a crashed daemon leaves it.
        let stale = try UnixSocket.listen(path: scratch.socket, mode: 0o600)
        try stale.close()
        #expect(try FileSystem.status(atPath: scratch.socket)?.kind == .socket)
        #expect(throws: SystemError.self) { try UnixSocket.connect(path: scratch.socket) }

        let socd = try scratch.startSocd()
        #expect(try socd.connect().call("system.ping")["result"] == ["pong": true])
        #expect(try FileSystem.status(atPath: scratch.socket)?.permissions == 0o660)
        #expect(socd.terminate() == 0)
    }

    @Test func refusesToReplaceSomethingThatIsNotASocket() throws {
        let scratch = try Scratch()
        let regular = scratch.socket
        let file = fopen(regular, "w")
        fputs("precious", file)
        fclose(file)
        let result = try ChildProcess.run(
            BuiltProducts.socd, ["--socket", regular, "--state-dir", scratch.state], outputPrefix: scratch.file("socd"))
        #expect(result.status == 1)
        #expect(result.error.contains("not a socket"), "\(result.error)")
        #expect(scratch.read("socd.sock") == "precious")
    }

    @Test func aBadCommandLineExits64NamingTheArgument() throws {
        let scratch = try Scratch()
        let result = try ChildProcess.run(
            BuiltProducts.socd, ["--max-line-bytes", "ten"], outputPrefix: scratch.file("socd"))
        #expect(result.status == 64)
        #expect(result.error.contains("--max-line-bytes"), "\(result.error)")
    }
}
