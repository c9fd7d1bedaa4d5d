import SocCTL
import Testing

@Suite struct ArgumentParserTests {
    @Test func subcommandsAndGlobalOptionsAtAnyDepth() throws {
        let parsed = try SampleTree.parse(["rules", "--socket", "/tmp/s.sock", "add", "--json", "--src=10.0.0.1"])
        #expect(parsed.path == ["socctl", "rules", "add"])
        #expect(parsed.string("socket") == "/tmp/s.sock")
        #expect(parsed.flag("json"))
        #expect(!parsed.flag("quiet"))
        #expect(parsed.string("src") == "10.0.0.1")
        #expect(parsed.string("dst") == nil)
    }

    @Test func globalOptionBeforeTheCommand() throws {
        let parsed = try SampleTree.parse(["-s", "/tmp/x", "-j", "status"])
        #expect(parsed.path == ["socctl", "status"])
        #expect(parsed.string("socket") == "/tmp/x")
        #expect(parsed.flag("json"))
    }

    @Test func shortFlagClusterAndAttachedValue() throws {
        let parsed = try SampleTree.parse(["events", "-jqn5", "-tfirewall"])
        #expect(parsed.flag("json") && parsed.flag("quiet"))
        #expect(try parsed.int("limit") == 5)
        #expect(parsed.strings("topic") == ["firewall"])
    }

    @Test func repeatableOptionKeepsEveryValueInOrder() throws {
        let parsed = try SampleTree.parse(["events", "--topic", "alerts", "-t", "firewall", "--topic=incidents"])
        #expect(parsed.strings("topic") == ["alerts", "firewall", "incidents"])
    }

    @Test func defaultValueWhenAbsent() throws {
        let parsed = try SampleTree.parse(["rules", "add"])
        #expect(parsed.string("proto") == "any")
        #expect(parsed.strings("proto") == ["any"])
        #expect(try parsed.int("position") == nil)
    }

    @Test func optionsAfterAndBetweenPositionals() throws {
        let parsed = try SampleTree.parse([
            "rules", "add", "203.0.113.7", "--comment", "attacker", "10.0.0.10", "ANY", "--json", "80", "DROP",
        ])
        #expect(parsed.positionals == ["203.0.113.7", "10.0.0.10", "ANY", "80", "DROP"])
        #expect(parsed.argument("SRC") == "203.0.113.7")
        #expect(parsed.argument("ACTION") == "DROP")
        #expect(parsed.string("comment") == "attacker")
        #expect(parsed.flag("json"))
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try SampleTree.parse(["call", "--json", "--", "--weird-method", "-x"])
        #expect(parsed.flag("json"))
        #expect(parsed.argument("METHOD") == "--weird-method")
        #expect(parsed.argument("PARAMS") == "-x")
    }

    @Test func negativeNumbersAreValuesAndPositionals() throws {
        let parsed = try SampleTree.parse(["rules", "add", "--position", "-3", "-1.5"])
        #expect(parsed.string("position") == "-3")
        #expect(parsed.argument("SRC") == "-1.5")
        #expect(parsed.usageError("x").commandPath == ["socctl", "rules", "add"])
    }

    @Test func valueMayBeEmptyOrADashWhenAttached() throws {
        let parsed = try SampleTree.parse(["rules", "add", "--comment=", "--src", "-"])
        #expect(parsed.string("comment") == "")
        #expect(parsed.string("src") == "-")
    }

    @Test func optionalArgumentsFillInOrder() throws {
        let one = try SampleTree.parse(["call", "system.ping"])
        #expect(one.argument("METHOD") == "system.ping")
        #expect(one.argument("PARAMS") == nil)
        #expect(one.positional(1) == nil)
        let remove = try SampleTree.parse(["rules", "remove", "3", "4", "9"])
        #expect(remove.arguments("ID") == ["3", "4", "9"])
    }

    @Test func unknownOptionSuggestsTheClosest() {
        let error = SampleTree.usageError(["rules", "add", "--jsno"])
        #expect(error?.message == "unknown option '--jsno'; did you mean '--json'?")
        #expect(error?.commandPath == ["socctl", "rules", "add"])
        #expect(error?.hint == "Try 'socctl rules add --help'.")
        #expect(
            SampleTree.usageError(["events", "--topc", "x"])?.message
                == "unknown option '--topc'; did you mean '--topic'?")
        #expect(
            SampleTree.usageError(["events", "--lim=3"])?.message == "unknown option '--lim'; did you mean '--limit'?")
        #expect(SampleTree.usageError(["status", "--frobnicate"])?.message == "unknown option '--frobnicate'")
    }

    @Test func optionOfAnotherCommandIsUnknownHere() {
        // `--topic` belongs to `events`; `status` does not take it.
        #expect(SampleTree.usageError(["status", "--topic", "x"])?.message == "unknown option '--topic'")
    }

    @Test func unknownShortOption() {
        #expect(SampleTree.usageError(["status", "-x"])?.message == "unknown option '-x'")
        #expect(SampleTree.usageError(["status", "-jx"])?.message == "unknown option '-x'")
        // `-quiet` is more likely a missing dash than `-q -u -i -e -t`.
        #expect(SampleTree.usageError(["status", "-quiet"])?.message == "unknown option '-u'; did you mean '--quiet'?")
    }

    @Test func unknownCommandSuggestsTheClosest() {
        let error = SampleTree.usageError(["stauts"])
        #expect(error?.message == "unknown command 'stauts'; did you mean 'status'?")
        #expect(error?.commandPath == ["socctl"])
        #expect(SampleTree.usageError(["rules", "ad"])?.message == "unknown command 'ad'; did you mean 'add'?")
        #expect(SampleTree.usageError(["frobnicate"])?.message == "unknown command 'frobnicate'")
    }

    @Test func missingCommandOfAGroup() {
        let error = SampleTree.usageError(["rules"])
        #expect(error?.message == "'socctl rules' needs a command: list, add, remove")
        #expect(error?.commandPath == ["socctl", "rules"])
    }

    @Test func missingValue() {
        #expect(SampleTree.usageError(["--socket"])?.message == "option '--socket' needs a value (PATH)")
        // The next word is an option, so the value was forgotten rather than meant to be `--json`.
        #expect(
            SampleTree.usageError(["status", "--socket", "--json"])?.message == "option '--socket' needs a value (PATH)"
        )
        #expect(SampleTree.usageError(["events", "-n"])?.message == "option '--limit' needs a value (N)")
    }

    @Test func flagWithValue() {
        #expect(SampleTree.usageError(["status", "--json=yes"])?.message == "option '--json' does not take a value")
    }

    @Test func nonRepeatableOptionGivenTwice() {
        #expect(
            SampleTree.usageError(["rules", "add", "--src", "a", "--src", "b"])?.message
                == "option '--src' was given more than once")
    }

    @Test func repeatedFlagIsHarmless() throws {
        #expect(try SampleTree.parse(["-j", "status", "--json"]).flagCount("json") == 2)
    }

    @Test func badInteger() throws {
        let parsed = try SampleTree.parse(["events", "--limit", "ten"])
        #expect(
            throws: UsageError.invalidValue(
                "ten", for: "'--limit'", expected: "an integer from 1 to 10000", commandPath: ["socctl", "events"])
        ) {
            try parsed.int("limit", range: 1...10_000)
        }
        let tooMany = try SampleTree.parse(["events", "--limit", "20000"])
        let error = #expect(throws: UsageError.self) { try tooMany.int("limit", range: 1...10_000) }
        #expect(error?.message == "invalid value '20000' for '--limit': expected an integer from 1 to 10000")
        let remove = try SampleTree.parse(["rules", "remove", "x"])
        let argumentError = #expect(throws: UsageError.self) { try remove.int(argument: "ID") }
        #expect(argumentError?.message == "invalid value 'x' for ID: expected an integer")
    }

    @Test func convertedValueNamesTheOption() throws {
        let parsed = try SampleTree.parse(["rules", "add", "--dport", "http"])
        let error = #expect(throws: UsageError.self) {
            try parsed.value("dport", expected: "a port number") { UInt16($0) }
        }
        #expect(error?.message == "invalid value 'http' for '--dport': expected a port number")
        #expect(
            try SampleTree.parse(["rules", "add", "--dport", "80"]).value("dport", expected: "") { UInt16($0) } == 80)
    }

    @Test func requiredOption() throws {
        let parsed = try SampleTree.parse(["rules", "add"])
        let error = #expect(throws: UsageError.self) { try parsed.requiredString("src") }
        #expect(error?.message == "missing option '--src'")
    }

    @Test func unexpectedExtraArgument() {
        #expect(SampleTree.usageError(["status", "now"])?.message == "unexpected argument 'now'")
        #expect(SampleTree.usageError(["call", "m", "{}", "extra"])?.message == "unexpected argument 'extra'")
        #expect(
            SampleTree.usageError(["rules", "add", "a", "b", "c", "d", "e", "f"])?.message == "unexpected argument 'f'")
    }

    @Test func missingRequiredPositional() {
        let error = SampleTree.usageError(["call", "--json"])
        #expect(error?.message == "missing argument METHOD")
        #expect(error?.commandPath == ["socctl", "call"])
        #expect(SampleTree.usageError(["rules", "remove"])?.message == "missing argument ID")
    }

    @Test func optionalBeforeRequiredLeavesTheValueForTheRequired() throws {
        let root = CommandSpec(
            name: "tool", abstract: "",
            arguments: [.optional("FIRST", help: ""), .required("LAST", help: "")], run: { _, _ in .success })
        guard case .run(let one) = try ArgumentParser(root: root).parse(["x"]) else { Issue.record(); return }
        #expect(one.argument("FIRST") == nil)
        #expect(one.argument("LAST") == "x")
        guard case .run(let two) = try ArgumentParser(root: root).parse(["x", "y"]) else { Issue.record(); return }
        #expect(two.argument("FIRST") == "x")
        #expect(two.argument("LAST") == "y")
    }

    @Test func helpAtEveryLevel() throws {
        func helpPath(_ arguments: [String]) throws -> [String]? {
            guard case .help(let chain) = try ArgumentParser(root: SampleTree.root).parse(arguments) else { return nil }
            return chain.map(\.name)
        }
        #expect(try helpPath(["--help"]) == ["socctl"])
        #expect(try helpPath(["-h"]) == ["socctl"])
        #expect(try helpPath(["rules", "add", "-h"]) == ["socctl", "rules", "add"])
        #expect(try helpPath(["rules", "--help", "add"]) == ["socctl", "rules", "add"])
        #expect(try helpPath(["-jh", "status"]) == ["socctl", "status"])
        #expect(try helpPath(["help"]) == ["socctl"])
        #expect(try helpPath(["help", "rules", "add"]) == ["socctl", "rules", "add"])
        #expect(try helpPath(["rules", "help", "remove"]) == ["socctl", "rules", "remove"])
        // Help wins over a mistake in the same command line.
        #expect(try helpPath(["rules", "add", "--bogus", "--help"]) == ["socctl", "rules", "add"])
        // After `--`, `--help` is an argument.
        #expect(try SampleTree.parse(["call", "--", "--help"]).argument("METHOD") == "--help")
    }

    @Test func helpForAnUnknownTopic() {
        let error = SampleTree.usageError(["help", "rules", "ad"])
        #expect(error?.message == "unknown command 'ad'; did you mean 'add'?")
        #expect(error?.commandPath == ["socctl", "rules"])
    }

    @Test func versionAtAnyDepth() throws {
        guard case .version(let version) = try ArgumentParser(root: SampleTree.root).parse(["status", "--version"])
        else {
            Issue.record("expected the version")
            return
        }
        #expect(version == "0.1.0")
    }
}
