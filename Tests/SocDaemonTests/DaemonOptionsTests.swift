import SocProtocol
import Testing

@testable import SocDaemon

@Suite("socd command line")
struct DaemonOptionsTests {
    @Test func parsesEveryOption() throws {
        let command = try DaemonOptions.parse([
            "--socket", "/tmp/s.sock", "--state-dir=/tmp/state", "--exit-idle", "2.5", "--log-level", "DEBUG",
            "--admin-group", "wheel", "--max-line-bytes", "4096", "--max-output-bytes", "65536",
            "--max-connections", "10", "--drain-timeout", "1", "--event-loops", "3", "--busy-poll", "0",
        ])
        var expected = DaemonOptions()
        expected.socketPath = "/tmp/s.sock"
        expected.stateDirectory = "/tmp/state"
        expected.exitIdleSeconds = 2.5
        expected.logLevel = .debug
        expected.adminGroup = "wheel"
        expected.maximumLineBytes = 4096
        expected.maximumOutputBytes = 65536
        expected.maximumConnections = 10
        expected.drainTimeoutSeconds = 1
        expected.eventLoops = 3
        expected.busyPollMicroseconds = 0
        #expect(command == .run(expected))
    }

    @Test func durability() throws {
        var expected = DaemonOptions()
        expected.durability = .normal
        #expect(try DaemonOptions.parse(["--durability", "NORMAL"]) == .run(expected))
        #expect(throws: DaemonUsageError(message: "--durability: \"off\" is not one of full, normal")) {
            try DaemonOptions.parse(["--durability", "off"])
        }
        #expect(DaemonOptions().durability == .full)
    }

    @Test func helpAndVersion() throws {
        #expect(try DaemonOptions.parse(["--help"]) == .help)
        #expect(try DaemonOptions.parse(["-h"]) == .help)
        #expect(try DaemonOptions.parse(["--version"]) == .version)
        #expect(try DaemonOptions.parse([]) == .run(DaemonOptions()))
    }

    @Test(arguments: [
        (["--bogus"], "unknown argument \"--bogus\""),
        (["--socket"], "--socket needs a value"),
        (["--exit-idle", "soon"], "--exit-idle: \"soon\" is not a number of at least 0.0"),
        (["--log-level", "loud"], "--log-level: \"loud\" is not one of trace, debug, info, notice, warning, error"),
        (["--max-line-bytes", "10"], "--max-line-bytes: \"10\" is not a number of at least 64"),
        (["--socket", ""], "paths must not be empty"),
        (["--busy-poll", "-1"], "--busy-poll: \"-1\" is not a number of at least 0"),
        (["--busy-poll", "20000"], "--busy-poll: 20000 is more than 10000 microseconds"),
    ])
    func rejectsBadArgumentsNamingThem(arguments: [String], message: String) {
        #expect(throws: DaemonUsageError(message: message)) { try DaemonOptions.parse(arguments) }
    }
}

@Suite("State directory location")
struct StateLocationTests {
    @Test func resolutionOrder() {
        #expect(StateLocation.resolve(option: "/o", environment: ["SOCD_STATE_DIR": "/e"], uid: 0, home: nil) == "/o")
        #expect(
            StateLocation.resolve(
                option: nil, environment: ["SOCD_STATE_DIR": "/e", "STATE_DIRECTORY": "/s"], uid: 0, home: nil)
                == "/e")
        #expect(
            StateLocation.resolve(option: nil, environment: ["STATE_DIRECTORY": "/var/lib/socd:/x"], uid: 0, home: nil)
                == "/var/lib/socd")
        #expect(StateLocation.resolve(option: nil, environment: [:], uid: 0, home: nil) == "/var/lib/socd")
        #expect(
            StateLocation.resolve(option: nil, environment: ["XDG_STATE_HOME": "/home/u/.st"], uid: 1000, home: nil)
                == "/home/u/.st/socd")
        #expect(
            StateLocation.resolve(option: nil, environment: ["HOME": "/home/u"], uid: 1000, home: nil)
                == "/home/u/.local/state/socd")
    }
}
