extension IptablesRestoreScript {
    /// Reads the `filter` table's `FORWARD` chain from iptables-restore (or iptables-save)
    /// text: its policy and its `-A FORWARD` rules. A `-p tcp` rule directly followed by its
    /// `-p udp` twin (how `render` writes `proto any` with ports) becomes one `proto any` rule.
    package static func parse(_ text: String) throws(RuleImportError) -> ImportedRules {
        var imported = ImportedRules()
        var table: String?
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("*") {
                table = trimmed.dropFirst().trimmingTrailingSpace
                guard table == "filter" else { throw .unsupported(line: lineNumber, "table \"\(table!)\"") }
                continue
            }
            guard table != nil else {
                throw RuleImportError(line: lineNumber, message: "rules must follow a \"*filter\" line")
            }
            let words = try RuleTextTokenizer.tokens(
                trimmed, lineNumber: lineNumber, punctuation: false, backslashEscapes: true
            ).map(\.text)
            if words[0] == "COMMIT" {
                table = nil
            } else if words[0].hasPrefix(":") {
                if words[0] == ":FORWARD", words.count > 1 {
                    switch words[1] {
                    case "ACCEPT": imported.defaultPolicy = .accept
                    case "DROP": imported.defaultPolicy = .drop
                    default: throw .unsupported(line: lineNumber, "policy \"\(words[1])\"")
                    }
                }
            } else {
                try appendRule(words, line: lineNumber, to: &imported)
            }
        }
        return imported
    }

    private static func appendRule(
        _ words: [String], line: Int, to imported: inout ImportedRules
    ) throws(RuleImportError) {
        guard words.count >= 2, words[0] == "-A" || words[0] == "--append" else {
            throw .unsupported(line: line, "\"\(words[0])\"")
        }
        guard words[1] == "FORWARD" else { throw .unsupported(line: line, "chain \"\(words[1])\"") }
        var spec = RuleSpec()
        var index = 2
        func value(_ option: String) throws(RuleImportError) -> String {
            index += 1
            guard index < words.count else { throw .missingValue(line: line, after: option) }
            return words[index]
        }
        while index < words.count {
            let option = words[index]
            switch option {
            case "-s", "--source": spec.src = try value(option)
            case "-d", "--destination": spec.dst = try value(option)
            case "-p", "--protocol": spec.proto = try value(option)
            case "--sport", "--source-port": spec.sport = .text(try value(option))
            case "--dport", "--destination-port": spec.dport = .text(try value(option))
            case "--comment": spec.comment = try value(option)
            case "-m", "--match":
                let module = try value(option)
                guard ["tcp", "udp", "icmp", "comment"].contains(module) else {
                    throw .unsupported(line: line, "match \"\(module)\"")
                }
            case "-j", "--jump":
                let target = try value(option)
                guard ["ACCEPT", "DROP", "REJECT"].contains(target) else {
                    throw .unsupported(line: line, "target \"\(target)\"")
                }
                spec.action = target
            case "--reject-with":
                _ = try value(option)  // how to reject is the host's choice, not a rule field
            default:
                throw .unsupported(line: line, "option \"\(option)\"")
            }
            index += 1
        }
        guard spec.action != nil else { throw .missingVerdict(line: line) }
        do {
            _ = try spec.validatedMatch()
        } catch {
            throw .invalidField(line: line, error)
        }
        if spec.proto == "udp", var previous = imported.rules.last, previous.spec.proto == "tcp",
            previous.line == line - 1, spec.sport != nil || spec.dport != nil
        {
            var twin = spec
            twin.proto = "tcp"
            if twin == previous.spec {
                previous.spec.proto = "any"
                imported.rules[imported.rules.count - 1] = previous
                return
            }
        }
        imported.rules.append(ImportedRules.Rule(line: line, spec: spec))
    }
}

extension Substring {
    fileprivate var trimmingTrailingSpace: String {
        var text = self
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
