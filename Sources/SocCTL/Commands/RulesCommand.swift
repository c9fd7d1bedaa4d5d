/// `socctl rules`: the firewall's rule table.
enum RulesCommand {
    static let spec = CommandSpec(
        name: "rules", abstract: "List, add and change firewall rules.",
        discussion: """
            Rules are evaluated in order (position 1 first) and the first one that matches a \
            packet decides; packets no rule matches get the default policy. Each rule has the \
            room's fields: source, destination, source port, destination port and action, plus \
            a protocol, a comment and an optional lifetime. Rules persist across daemon restarts.
            """,
        examples: [
            UsageExample(
                "Block the attacker's web traffic, as in the room:",
                "socctl rules add 198.51.100.7 10.0.0.10 ANY 80 DROP"),
            UsageExample("Check that it works:", "socctl rules check 198.51.100.7 10.0.0.10 80"),
            UsageExample("See the table:", "socctl rules list"),
        ],
        subcommands: [
            RulesListCommand.spec, RulesShowCommand.spec, RulesAddCommand.spec, RulesRemoveCommand.spec,
            RulesMoveCommand.spec, RulesUpdateCommand.spec, RulesCheckCommand.spec, RulesPolicyCommand.spec,
            RulesClearCommand.spec, RulesExportCommand.spec, RulesImportCommand.spec,
        ])
}
