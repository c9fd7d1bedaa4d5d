import SocCTL
import Testing

@Suite struct CommandLineToolTests {
    @Test func successRunsTheCommand() {
        let run = ToolRun(["--socket", "/", "ping"])
        #expect(run.status == .success)
        #expect(run.standardOutput == "pong\n")
        #expect(run.standardError == "")
        let add = ToolRun(["rules", "add", "203.0.113.7", "10.0.0.10", "ANY", "80", "DROP", "--position", "2"])
        #expect(
            add.standardOutput == "src=203.0.113.7 dst=10.0.0.10 sport=ANY dport=80 action=DROP proto=any position=2\n")
    }

    @Test func usageErrorIsReportedWithAHintAndStatus64() {
        let run = ToolRun(["rules", "add", "--jsno"])
        #expect(run.status == .usage)
        #expect(run.status.rawValue == 64)
        #expect(run.standardOutput == "")
        #expect(
            run.standardError
                == "socctl: unknown option '--jsno'; did you mean '--json'?\nTry 'socctl rules add --help'.\n")
    }

    @Test func usageErrorFromTheCommandPointsAtItsHelp() {
        let run = ToolRun(["rules", "add", "10.0.0.1", "--src", "10.0.0.2"])
        #expect(run.status == .usage)
        #expect(
            run.standardError
                == "socctl: SRC was given both as an argument and as '--src'\nTry 'socctl rules add --help'.\n")
        let limit = ToolRun(["events", "-n", "0"])
        #expect(
            limit.standardError
                == "socctl: invalid value '0' for '--limit': expected an integer from 1 to 10000\nTry 'socctl events --help'.\n"
        )
    }

    @Test func missingCommandOfAGroup() {
        let run = ToolRun(["rules"])
        #expect(run.status == .usage)
        #expect(
            run.standardError
                == "socctl: 'socctl rules' needs a command: list, add, remove\nTry 'socctl rules --help'.\n")
    }

    @Test func commandLineErrorsExitWithTheirOwnStatus() {
        let unreachable = ToolRun(["ping", "--socket", "/nonexistent/socd.sock"])
        #expect(unreachable.status == .unavailable)
        #expect(unreachable.status.rawValue == 69)
        #expect(unreachable.standardError == "socctl: cannot connect to /nonexistent/socd.sock: no such file\n")
        let badParams = ToolRun(["call", "rules.add", "[1]"])
        #expect(badParams.status == .dataError)
        #expect(badParams.standardError == "socctl: PARAMS must be a JSON object\n")
    }

    @Test func unclassifiedErrorIsASoftwareError() {
        struct Surprise: Error, CustomStringConvertible {
            var description: String { "the reply had no result" }
        }
        let root = CommandSpec(name: "tool", abstract: "") { _, context in
            context.standardOutput.write("partial output\n")
            throw Surprise()
        }
        let run = ToolRun([], root: root)
        #expect(run.status == .software)
        #expect(run.status.rawValue == 70)
        #expect(run.standardOutput == "partial output\n")
        #expect(run.standardError == "tool: the reply had no result\n")
    }

    @Test func failureStatusFromAnErrorReply() {
        let root = CommandSpec(name: "tool", abstract: "") { _, _ in throw CommandFailure.failure("rule 7 not found") }
        let run = ToolRun([], root: root)
        #expect(run.status == .failure)
        #expect(run.standardError == "tool: rule 7 not found\n")
    }

    @Test func helpAndVersionGoToStandardOutput() {
        let version = ToolRun(["--version"])
        #expect(version.status == .success)
        #expect(version.standardOutput == "socctl 0.1.0\n")
        let help = ToolRun(["help", "events"])
        #expect(help.status == .success)
        #expect(help.standardOutput.hasPrefix("Usage: socctl events [OPTIONS]\n"))
        #expect(help.standardError == "")
    }

    @Test func exitStatusValuesFollowSysexits() {
        #expect(ExitStatus.success.rawValue == 0)
        #expect(ExitStatus.failure.rawValue == 1)
        #expect(ExitStatus.usage.rawValue == 64)
        #expect(ExitStatus.dataError.rawValue == 65)
        #expect(ExitStatus.noInput.rawValue == 66)
        #expect(ExitStatus.unavailable.rawValue == 69)
        #expect(ExitStatus.software.rawValue == 70)
        #expect(ExitStatus.ioError.rawValue == 74)
        #expect(ExitStatus.temporaryFailure.rawValue == 75)
        #expect(ExitStatus.noPermission.rawValue == 77)
        #expect(ExitStatus.configuration.rawValue == 78)
    }

    @Test func completionsCommandPrintsTheScript() {
        let run = ToolRun(["completions", "bash"])
        #expect(run.status == .success)
        #expect(run.standardOutput == CompletionScript.bash(root: SampleTree.root))
        let fish = ToolRun(["completions", "fish"])
        #expect(fish.status == .usage)
        #expect(fish.standardError.hasPrefix("socctl: invalid value 'fish' for SHELL: expected one of bash, zsh\n"))
    }
}
