import SocCTL
import Testing

@Suite struct CompletionScriptTests {
    static let bash = CompletionScript.bash(root: SampleTree.root)
    static let zsh = CompletionScript.zsh(root: SampleTree.root)

    @Test func bashScriptNamesEveryVisibleCommandAndOption() {
        let script = Self.bash
        #expect(script.contains("complete -F _socctl socctl\n"))
        for path in ["'socctl')", "'socctl rules')", "'socctl rules add')", "'socctl events')", "'socctl call')"] {
            #expect(script.contains(path), "\(path)")
        }
        #expect(script.contains("_socctl_commands='ping status version call events rules help'"))
        #expect(script.contains("--proto"))
        #expect(!script.contains("completions)"))
    }

    @Test func bashAcceptsTheScriptSyntax() {
        let path = Shell.temporaryFile(Self.bash)
        defer { _ = Shell.run("rm -f \(path)") }
        let result = Shell.run("bash -n \(path)")
        #expect(result.status == 0, "\(result.output)")
    }

    /// Completes `words` (the last one is the word under the cursor) with the generated function.
    func complete(_ words: [String]) -> [String] {
        let path = Shell.temporaryFile(Self.bash)
        defer { _ = Shell.run("rm -f \(path)") }
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let result = Shell.run(
            "bash -c 'source \(path); COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); _socctl; printf \"%s\\n\" \"${COMPREPLY[@]}\"' bash \(quoted)"
        )
        return result.output.split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesCommandsAtEachLevel() {
        #expect(complete(["socctl", ""]) == ["ping", "status", "version", "call", "events", "rules", "help"])
        #expect(complete(["socctl", "--json", "st"]) == ["status"])
        #expect(complete(["socctl", "rules", ""]) == ["list", "add", "remove", "help"])
        #expect(complete(["socctl", "rules", "a"]) == ["add"])
        #expect(complete(["socctl", "help", "r"]) == ["rules"])
    }

    @Test func bashSkipsOptionValuesWhenFindingTheCommand() {
        #expect(complete(["socctl", "-s", "rules", "rules", ""]) == ["list", "add", "remove", "help"])
        #expect(complete(["socctl", "--socket", "=", "/x", "rules", "r"]) == ["remove"])
    }

    @Test func bashCompletesOptionsOfTheCommandAndInherited() {
        #expect(complete(["socctl", "rules", "add", "--p"]) == ["--proto", "--position"])
        #expect(complete(["socctl", "events", "--s"]) == ["--socket"])
        #expect(complete(["socctl", "rules", "add", "--", "--p"]) == [])
    }

    @Test func bashCompletesOptionValues() {
        #expect(complete(["socctl", "rules", "add", "--proto", ""]) == ["any", "tcp", "udp", "icmp"])
        #expect(complete(["socctl", "rules", "add", "--proto", "=", "u"]) == ["udp"])
        #expect(complete(["socctl", "events", "-t", "f"]) == ["firewall"])
        #expect(complete(["socctl", "rules", "--socket", "/tm"]) == ["/tmp"])
        #expect(complete(["socctl", "rules", "add", "--comment", ""]) == [])
    }

    @Test func bashCompletesPositionalArguments() {
        #expect(complete(["socctl", "rules", "add", "1.2.3.4", "--json", "5.6.7.8", "ANY", "80", "D"]) == ["DROP"])
        #expect(complete(["socctl", "rules", "add", "1.2.3.4", ""]) == [])
        // Hidden commands are not completed, nor are their arguments.
        #expect(complete(["socctl", "completions", ""]) == [])
    }

    @Test func zshScriptNamesEveryVisibleCommandWithItsDescription() {
        let script = Self.zsh
        #expect(script.hasPrefix("#compdef socctl\n"))
        #expect(script.contains("'ping:Check that the daemon answers.'"))
        #expect(script.contains("'--socket:The socket of socd (default: $SOCD_SOCKET).'"))
        #expect(script.contains("('socctl rules add|--proto')) compadd -- 'any' 'tcp' 'udp' 'icmp' ;;"))
        #expect(script.contains("('socctl|--socket'|'socctl '*'|--socket'|'socctl|-s'|'socctl '*'|-s')) _files ;;"))
        #expect(script.contains("compdef _socctl socctl\n"))
        #expect(!script.contains("'completions:"))
    }

    @Test(.enabled(if: Shell.isInstalled("zsh"), "zsh is not installed"))
    func zshAcceptsTheScriptSyntax() {
        let path = Shell.temporaryFile(Self.zsh)
        defer { _ = Shell.run("rm -f \(path)") }
        let result = Shell.run("zsh -n \(path)")
        #expect(result.status == 0, "\(result.output)")
    }

    /// Runs the zsh completion function with compsys's builtins replaced by functions that print
    /// what they were asked to offer, which checks the word walk without an interactive shell.
    func zshOffers(_ words: [String]) -> [String] {
        let driver = """
            compdef() { : }
            _describe() { local -a items; items=("${(@P)4}"); print -l -- "${items[@]%%:*}" }
            compadd() { shift; print -l -- "$@" }
            _files() { print -- "(files)" }
            _message() { print -- "(message $*)" }
            compset() { PREFIX=${PREFIX#*=} }
            source "$1"
            shift
            words=("$@")
            CURRENT=${#words}
            PREFIX=${words[CURRENT]}
            _socctl

            """
        let script = Shell.temporaryFile(Self.zsh)
        let driverPath = Shell.temporaryFile(driver)
        defer { _ = Shell.run("rm -f \(script) \(driverPath)") }
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        return Shell.run("zsh \(driverPath) \(script) \(quoted)").output.split(separator: "\n").map(String.init)
    }

    @Test(.enabled(if: Shell.isInstalled("zsh"), "zsh is not installed"))
    func zshOffersWhatTheCursorPositionCallsFor() {
        #expect(zshOffers(["socctl", ""]) == ["ping", "status", "version", "call", "events", "rules", "help"])
        #expect(zshOffers(["socctl", "-s", "x", "rules", ""]) == ["list", "add", "remove", "help"])
        #expect(zshOffers(["socctl", "rules", "add", "--proto", ""]) == ["any", "tcp", "udp", "icmp"])
        #expect(zshOffers(["socctl", "rules", "add", "--action=D"]) == ["ACCEPT", "DROP", "REJECT"])
        #expect(zshOffers(["socctl", "rules", "add", "a", "b", "c", "d", ""]) == ["ACCEPT", "DROP", "REJECT"])
        #expect(zshOffers(["socctl", "--socket", ""]) == ["(files)"])
        #expect(zshOffers(["socctl", "rules", "add", "--ttl", ""]) == ["(message DURATION)"])
        let options = zshOffers(["socctl", "events", "-"])
        #expect(options.contains("--topic") && options.contains("-t") && options.contains("--socket"))
        #expect(!options.contains("--src"))
    }

    @Test func quotingSurvivesApostrophes() {
        let root = CommandSpec(
            name: "tool", abstract: "",
            subcommands: [CommandSpec(name: "it", abstract: "It's here.", run: { _, _ in .success })])
        #expect(CompletionScript.zsh(root: root).contains("'it:It'\\''s here.'"))
        let path = Shell.temporaryFile(CompletionScript.bash(root: root))
        defer { _ = Shell.run("rm -f \(path)") }
        #expect(Shell.run("bash -n \(path)").status == 0)
    }
}
