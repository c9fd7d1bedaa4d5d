import Glibc
import SocPOSIX
import Testing

@Suite struct UnixSocketTests {
    @Test func listenConnectAcceptRoundTrip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("socd.sock")
        let listener = try UnixSocket.listen(path: path, mode: 0o660)
        defer { try? listener.close() }

        let client = try UnixSocket.connect(path: path)
        defer { try? client.close() }
        let server = try #require(try UnixSocket.accept(listener))
        defer { try? server.close() }

        try client.send(text: "{\"jsonrpc\":\"2.0\"}\n")
        #expect(try server.readText() == "{\"jsonrpc\":\"2.0\"}\n")
        try server.send(text: "pong\n")
        #expect(try client.readText() == "pong\n")
    }

    @Test(arguments: [0o660, 0o600, 0o666] as [mode_t])
    func socketFileHasExactlyTheRequestedMode(mode: mode_t) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("socd.sock")
        let listener = try UnixSocket.listen(path: path, mode: mode)
        defer { try? listener.close() }

        let status = try #require(try FileSystem.status(atPath: path))
        #expect(status.kind == .socket)
        #expect(status.permissions == mode)
    }

    @Test func acceptedAndListeningDescriptorsAreNonblockingAndCloseOnExec() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("socd.sock")
        let listener = try UnixSocket.listen(path: path, mode: 0o600)
        defer { try? listener.close() }
        let client = try UnixSocket.connect(path: path)
        defer { try? client.close() }
        let server = try #require(try UnixSocket.accept(listener))
        defer { try? server.close() }

        #expect(try listener.isNonblocking && listener.isCloseOnExec)
        #expect(try server.isNonblocking && server.isCloseOnExec)
        #expect(try !client.isNonblocking && client.isCloseOnExec)
    }

    @Test func peerCredentialsAreThoseOfTheConnectingProcess() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("socd.sock")
        let listener = try UnixSocket.listen(path: path, mode: 0o600)
        defer { try? listener.close() }
        let client = try UnixSocket.connect(path: path)
        defer { try? client.close() }
        let server = try #require(try UnixSocket.accept(listener))
        defer { try? server.close() }

        let expected = PeerCredentials(pid: getpid(), uid: getuid(), gid: getgid())
        #expect(try UnixSocket.peerCredentials(server) == expected)
        #expect(try UnixSocket.peerCredentials(client) == expected)
    }

    @Test func acceptWithNothingPendingWouldBlock() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let listener = try UnixSocket.listen(path: directory.appending("socd.sock"), mode: 0o600)
        defer { try? listener.close() }

        #expect(try UnixSocket.accept(listener) == nil)
    }

    @Test func readWithNoDataWouldBlockAndAfterPeerCloseReachesEndOfFile() throws {
        let (local, peer) = try UnixSocket.socketPair(nonblocking: true)
        defer { try? local.close() }

        #expect(try local.readResult() == .wouldBlock)
        try peer.send(text: "last words")
        try peer.close()
        #expect(try local.readText() == "last words")
        #expect(try local.readResult() == .endOfFile)
    }

    @Test func shutdownForWritingGivesThePeerEndOfFile() throws {
        let (local, peer) = try UnixSocket.socketPair()
        defer {
            try? local.close()
            try? peer.close()
        }

        try UnixSocket.shutdown(local, .write)
        #expect(try peer.readResult() == .endOfFile)
        // The other direction still works.
        try peer.send(text: "still open")
        #expect(try local.readText() == "still open")
    }

    @Test func sendWouldBlockOnceTheSocketBufferIsFull() throws {
        let (local, peer) = try UnixSocket.socketPair(nonblocking: true)
        defer {
            try? local.close()
            try? peer.close()
        }
        let chunk = [UInt8](repeating: 0x61, count: 64 * 1024)
        var total = 0
        var sawWouldBlock = false
        // Unix socket buffers hold a few hundred KiB; far more than that means send never blocks.
        while total < 64 * 1024 * 1024 {
            let result = try chunk.withUnsafeBytes { try local.send($0) }
            guard case .written(let count) = result else {
                sawWouldBlock = true
                break
            }
            total += count
        }
        #expect(sawWouldBlock)
        #expect(total > 0)
    }

    @Test func sendToClosedPeerThrowsEPIPEWithoutRaisingSIGPIPE() throws {
        // On a thread of its own with SIGPIPE blocked: a SIGPIPE would then stay pending for
        // this thread (blocked signals are never discarded, even when ignored), so its
        // absence shows MSG_NOSIGNAL worked rather than that something ignores SIGPIPE.
        let outcome = try onNewThread {
            () -> (sendErrno: Int32?, sendRaised: Bool, writeErrno: Int32?, writeRaised: Bool) in
            let signals = try SignalFD(signals: [SIGPIPE])
            defer { try? signals.close() }
            let (local, peer) = try UnixSocket.socketPair()
            defer { try? local.close() }
            try peer.close()

            var sendErrno: Int32?
            do {
                _ = try [UInt8](repeating: 1, count: 16).withUnsafeBytes { try local.send($0) }
            } catch let error as SystemError {
                sendErrno = error.errno
            }
            let sendRaised = try Signals.isPending(SIGPIPE)

            // The control: plain write(2) does raise it, so the check above can fail.
            var writeErrno: Int32?
            do {
                _ = try [UInt8](repeating: 1, count: 16).withUnsafeBytes { try local.write($0) }
            } catch let error as SystemError {
                writeErrno = error.errno
            }
            let writeRaised = try signals.read()?.signal == SIGPIPE
            return (sendErrno, sendRaised, writeErrno, writeRaised)
        }
        #expect(outcome.sendErrno == EPIPE)
        #expect(!outcome.sendRaised)
        #expect(outcome.writeErrno == EPIPE)
        #expect(outcome.writeRaised)
    }

    @Test func connectToMissingSocketReportsENOENTWithThePath() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("absent.sock")

        let error = try #require(throws: SystemError.self) { try UnixSocket.connect(path: path) }
        #expect(error.errno == ENOENT)
        #expect(error.description == "connect(\(path)): No such file or directory (errno 2)")
    }

    @Test func connectToSocketNobodyListensOnIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("stale.sock")
        try UnixSocket.listen(path: path, mode: 0o600).close()

        let error = try #require(throws: SystemError.self) { try UnixSocket.connect(path: path) }
        #expect(error.errno == ECONNREFUSED)
        #expect(error.description == "connect(\(path)): Connection refused (errno 111)")
    }

    @Test func connectWithTimeoutGivesUpWhenTheBacklogIsFull() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("busy.sock")
        // A backlog of 0 queues one connection; nobody accepts it, so the next one must wait.
        let listener = try UnixSocket.listen(path: path, mode: 0o600, backlog: 0)
        defer { try? listener.close() }
        let first = try UnixSocket.connect(path: path, timeout: .seconds(5))
        defer { try? first.close() }

        let started = MonotonicClock.now
        let error = try #require(throws: SystemError.self) {
            try UnixSocket.connect(path: path, timeout: .milliseconds(100))
        }
        let waited = MonotonicClock.now - started
        #expect(error.errno == ETIMEDOUT)
        #expect(waited >= 90_000_000)
        #expect(waited < 5_000_000_000)
    }

    @Test func pathLongerThanSunPathIsRejectedWithENAMETOOLONG() throws {
        let path = "/tmp/" + String(repeating: "x", count: UnixSocket.maximumPathLength)

        let listenError = try #require(throws: SystemError.self) { try UnixSocket.listen(path: path, mode: 0o600) }
        #expect(listenError.errno == ENAMETOOLONG)
        let connectError = try #require(throws: SystemError.self) { try UnixSocket.connect(path: path) }
        #expect(connectError.errno == ENAMETOOLONG)
        #expect(try FileSystem.status(atPath: path) == nil)
    }

    @Test func pathOfExactlyTheMaximumLengthWorks() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let name = String(repeating: "s", count: UnixSocket.maximumPathLength - directory.path.utf8.count - 1)
        let path = directory.appending(name)
        #expect(path.utf8.count == UnixSocket.maximumPathLength)

        let listener = try UnixSocket.listen(path: path, mode: 0o600)
        defer { try? listener.close() }
        try UnixSocket.connect(path: path).close()
    }

    @Test func listenOnAnExistingPathFailsAndLeavesTheFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("taken")
        let listener = try UnixSocket.listen(path: path, mode: 0o600)
        defer { try? listener.close() }

        let error = try #require(throws: SystemError.self) { try UnixSocket.listen(path: path, mode: 0o600) }
        #expect(error.errno == EADDRINUSE)
        #expect(try FileSystem.status(atPath: path)?.kind == .socket)
        try UnixSocket.connect(path: path).close()
    }

    @Test func socketInfoTellsListenersFromOtherDescriptors() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let listener = try UnixSocket.listen(path: directory.appending("socd.sock"), mode: 0o600)
        defer { try? listener.close() }
        let (local, peer) = try UnixSocket.socketPair()
        defer {
            try? local.close()
            try? peer.close()
        }
        let datagram = try UnixDatagramSocket.bind(path: directory.appending("notify.sock"))
        defer { try? datagram.close() }
        let event = try EventFD()
        defer { try? event.close() }

        #expect(
            try UnixSocket.socketInfo(listener)
                == SocketInfo(domain: AF_UNIX, type: Int32(SOCK_STREAM.rawValue), isListening: true))
        #expect(UnixSocket.isListeningUnixStreamSocket(listener))
        #expect(!UnixSocket.isListeningUnixStreamSocket(local))
        #expect(!UnixSocket.isListeningUnixStreamSocket(datagram))
        #expect(!UnixSocket.isListeningUnixStreamSocket(event.fileDescriptor))
        let error = try #require(throws: SystemError.self) { try UnixSocket.socketInfo(event.fileDescriptor) }
        #expect(error.errno == ENOTSOCK)
    }

    @Test func datagramsArriveWhole() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("notify.sock")
        let receiver = try UnixDatagramSocket.bind(path: path, nonblocking: true)
        defer { try? receiver.close() }
        let sender = try UnixDatagramSocket.connect(path: path)
        defer { try? sender.close() }

        #expect(try receiver.readResult() == .wouldBlock)
        try sender.send(text: "READY=1")
        try sender.send(text: "STATUS=up")
        #expect(try receiver.readText() == "READY=1")
        #expect(try receiver.readText() == "STATUS=up")
    }

    @Test func holdsMoreThanAThousandConnectionsAtOnce() throws {
        try ProcessStats.raiseOpenFileLimit()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("socd.sock")
        let listener = try UnixSocket.listen(path: path, mode: 0o600)
        defer { try? listener.close() }
        var clients: [FileDescriptor] = []
        var servers: [FileDescriptor] = []
        defer {
            for descriptor in clients + servers {
                try? descriptor.close()
            }
        }

        for _ in 0..<1100 {
            clients.append(try UnixSocket.connect(path: path))
            servers.append(try #require(try UnixSocket.accept(listener)))
        }
        for (index, client) in clients.enumerated() {
            try client.send(text: "\(index)")
        }
        for (index, server) in servers.enumerated() {
            #expect(try server.readText() == "\(index)")
        }
    }
}
