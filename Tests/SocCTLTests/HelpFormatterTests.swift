import SocCTL
import Testing

@Suite struct HelpFormatterTests {
    @Test func leafCommandAtEightyColumns() {
        let run = ToolRun(["rules", "add", "--help"])
        #expect(run.status == .success)
        #expect(run.standardError == "")
        #expect(
            run.standardOutput == """
                Usage: socctl rules add [OPTIONS] [SRC] [DST] [SPORT] [DPORT] [ACTION]

                Add a firewall rule.

                The fields can be given as arguments, in the order of the room's table, or as
                options.

                Arguments:
                  SRC                  As --src.
                  DST                  As --dst.
                  SPORT                As --sport.
                  DPORT                As --dport.
                  ACTION               As --action.

                Options:
                      --src ADDRESS    Source: ANY, an IPv4 address or a CIDR.
                      --dst ADDRESS    Destination: ANY, an IPv4 address or a CIDR.
                      --sport PORT     Source port: ANY, a port or a range lo-hi.
                      --dport PORT     Destination port: ANY, a port or a range lo-hi.
                      --proto PROTO    Protocol. (default: any)
                      --action ACTION  What to do with a match.
                      --ttl DURATION   Remove the rule after this long.
                      --comment TEXT   Why the rule exists.
                      --position N     Where to insert it; rules are matched in order.
                  -h, --help           Show this help.

                Global options:
                  -s, --socket PATH    The socket of socd (default: $SOCD_SOCKET).
                  -j, --json           Print replies as JSON.
                  -q, --quiet          Print nothing on success.

                Examples:
                  Drop web traffic from an attacker:
                    socctl rules add 203.0.113.7 10.0.0.10 ANY 80 DROP

                """)
    }

    @Test func groupCommandListsSubcommandsButNotHiddenOnes() {
        let run = ToolRun(["help", "rules"])
        #expect(
            run.standardOutput == """
                Usage: socctl rules [OPTIONS] COMMAND

                List and change firewall rules.

                Options:
                  -h, --help         Show this help.

                Global options:
                  -s, --socket PATH  The socket of socd (default: $SOCD_SOCKET).
                  -j, --json         Print replies as JSON.
                  -q, --quiet        Print nothing on success.

                Commands:
                  list               List the rules in evaluation order.
                  add                Add a firewall rule.
                  remove             Remove a rule.

                Run 'socctl rules COMMAND --help' for help on a command.

                """)
        let root = ToolRun(["-h"]).standardOutput
        #expect(root.contains("      --version      Show the version and exit.\n"))
        #expect(root.contains("  events             Follow events as they happen.\n"))
        #expect(!root.contains("completions"))
    }

    @Test func wrapsToANarrowTerminal() {
        let help = ToolRun(["rules", "add", "-h"], columns: 50).standardOutput
        #expect(
            help.hasPrefix(
                "Usage: socctl rules add [OPTIONS] [SRC] [DST]\n                        [SPORT] [DPORT] [ACTION]\n"))
        #expect(
            help.contains("      --src ADDRESS    Source: ANY, an IPv4\n                       address or a CIDR.\n"))
        for line in help.split(separator: "\n") where !line.contains("socctl rules add 203") {
            #expect(TextWidth.of(String(line)) <= 50, "\(line)")
        }
    }

    @Test func longNamesPutTheirHelpOnTheNextLine() {
        let root = CommandSpec(
            name: "tool", abstract: "A tool.",
            options: [
                .option("a-very-long-option-name", valueName: "SOMETHING", help: "Long."),
                .flag("x", help: "Short."),
            ], run: { _, _ in .success })
        let help = HelpFormatter(width: 80).help(for: [root])
        #expect(
            help.contains(
                "      --a-very-long-option-name SOMETHING\n                              Long.\n      --x                     Short.\n"
            ))
    }

    @Test func headingsAreBoldOnlyWithColour() {
        let plain = HelpFormatter(width: 80).help(for: [SampleTree.root])
        let coloured = HelpFormatter(width: 80, style: Style(isEnabled: true)).help(for: [SampleTree.root])
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.hasPrefix("\u{1B}[1mUsage:\u{1B}[0m socctl [OPTIONS] COMMAND\n"))
        #expect(coloured.contains("\u{1B}[1mOptions:\u{1B}[0m\n"))
    }

    @Test func usageLineShowsArgumentArity() {
        let formatter = HelpFormatter(width: 80)
        #expect(
            formatter.usage(for: [SampleTree.root, SampleTree.call]) == "Usage: socctl call [OPTIONS] METHOD [PARAMS]")
        #expect(
            formatter.usage(for: [SampleTree.root, SampleTree.rules, SampleTree.rules.subcommand(named: "remove")!])
                == "Usage: socctl rules remove [OPTIONS] ID...")
    }
}
