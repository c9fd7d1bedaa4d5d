import Testing

@testable import SocProtocol

@Suite("Socket location")
struct SocketLocationTests {
    @Test func optionWinsOverEverything() {
        let environment = ["SOCD_SOCKET": "/env/s.sock", "RUNTIME_DIRECTORY": "/run/x"]
        #expect(SocketLocation.resolve(option: "/opt/s.sock", environment: environment, uid: 0) == "/opt/s.sock")
    }

    @Test func environmentOrder() {
        #expect(
            SocketLocation.resolve(
                option: nil, environment: ["SOCD_SOCKET": "/a.sock", "RUNTIME_DIRECTORY": "/run/x"], uid: 1000)
                == "/a.sock")
        #expect(
            SocketLocation.resolve(option: nil, environment: ["RUNTIME_DIRECTORY": "/run/socd:/run/other"], uid: 1000)
                == "/run/socd/socd.sock")
        #expect(SocketLocation.resolve(option: nil, environment: [:], uid: 0) == "/run/socd/socd.sock")
        #expect(
            SocketLocation.resolve(option: nil, environment: ["XDG_RUNTIME_DIR": "/run/user/1000"], uid: 1000)
                == "/run/user/1000/socd/socd.sock")
        #expect(SocketLocation.resolve(option: nil, environment: [:], uid: 1000) == "/tmp/socd-1000/socd.sock")
    }

    @Test func emptyValuesAreIgnored() {
        #expect(
            SocketLocation.resolve(option: "", environment: ["SOCD_SOCKET": "", "XDG_RUNTIME_DIR": ""], uid: 42)
                == "/tmp/socd-42/socd.sock")
    }

    @Test func clientsWithoutADaemonOfTheirOwnReachTheSystemSocket() {
        let system: Set<String> = ["/run/socd/socd.sock"]
        #expect(
            SocketLocation.resolveForClient(option: nil, environment: [:], uid: 1000, exists: system.contains)
                == "/run/socd/socd.sock")
        let both: Set<String> = ["/run/socd/socd.sock", "/tmp/socd-1000/socd.sock"]
        #expect(
            SocketLocation.resolveForClient(option: nil, environment: [:], uid: 1000, exists: both.contains)
                == "/tmp/socd-1000/socd.sock")
        #expect(
            SocketLocation.resolveForClient(
                option: nil, environment: ["SOCD_SOCKET": "/x.sock"], uid: 1000, exists: system.contains) == "/x.sock")
        #expect(
            SocketLocation.resolveForClient(option: nil, environment: [:], uid: 1000, exists: { _ in false })
                == "/tmp/socd-1000/socd.sock")
    }
}
