extension NftablesScript {
    /// Reads a script in the form `render` writes (also `nft list table inet socd` output of
    /// it): the chain policy and one rule per rule line. Anything else is refused with its line
    /// number, and every field is validated as `rules.add` would.
    package static func parse(_ text: String) throws(RuleImportError) -> ImportedRules {
        var imported = ImportedRules()
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let tokens = try RuleTextTokenizer.tokens(
                line, lineNumber: lineNumber, punctuation: true, backslashEscapes: false)
            guard let first = tokens.first, !first.text.hasPrefix("#") || first.quoted else { continue }
            let words = tokens.map(\.text)
            switch words[0] {
            case "table", "delete", "flush", "chain", "}":
                continue  // structure; socd has one table and one chain
            case "type":
                imported.defaultPolicy = try policy(in: words, line: lineNumber) ?? imported.defaultPolicy
            default:
                let spec = try rule(from: tokens, line: lineNumber)
                do {
                    _ = try spec.validatedMatch()
                } catch {
                    throw .invalidField(line: lineNumber, error)
                }
                imported.rules.append(ImportedRules.Rule(line: lineNumber, spec: spec))
            }
        }
        return imported
    }

    /// `type filter hook forward priority filter; policy drop;`
    private static func policy(in words: [String], line: Int) throws(RuleImportError) -> RuleAction? {
        guard let index = words.firstIndex(of: "policy") else { return nil }
        guard index + 1 < words.count else { throw .missingValue(line: line, after: "policy") }
        switch words[index + 1] {
        case "accept": return .accept
        case "drop": return .drop
        default: throw .unsupported(line: line, "policy \"\(words[index + 1])\"")
        }
    }

    private static func rule(from tokens: [RuleTextTokenizer.Token], line: Int) throws(RuleImportError) -> RuleSpec {
        var spec = RuleSpec()
        var reader = TokenReader(tokens: tokens, line: line)
        var portProtocol: String?
        var transportPorts = false
        while let word = reader.next() {
            switch word {
            case "ip":
                let field = try reader.value(after: "ip")
                switch field {
                case "saddr": spec.src = try reader.value(after: "ip saddr")
                case "daddr": spec.dst = try reader.value(after: "ip daddr")
                case "protocol": spec.proto = try reader.value(after: "ip protocol")
                default: throw .unsupported(line: line, "\"ip \(field)\"")
                }
            case "meta":
                let key = try reader.value(after: "meta")
                switch key {
                case "nfproto":
                    let family = try reader.value(after: "meta nfproto")
                    guard family == "ipv4" else { throw .unsupported(line: line, "meta nfproto \(family)") }
                case "l4proto":
                    if reader.peek() == "{" {
                        let set = try reader.set()
                        guard set.sorted() == ["tcp", "udp"] else {
                            throw .unsupported(line: line, "meta l4proto { \(set.joined(separator: ", ")) }")
                        }
                        transportPorts = true
                        spec.proto = "any"
                    } else {
                        spec.proto = try reader.value(after: "meta l4proto")
                    }
                default: throw .unsupported(line: line, "\"meta \(key)\"")
                }
            case "tcp", "udp", "th":
                if word != "th" {
                    portProtocol = word
                    spec.proto = word
                }
                let direction = try reader.value(after: word)
                let port = RuleFieldValue.text(try reader.value(after: "\(word) \(direction)"))
                switch direction {
                case "sport": spec.sport = port
                case "dport": spec.dport = port
                default: throw .unsupported(line: line, "\"\(word) \(direction)\"")
                }
            case "counter":
                // `nft list` prints the counts; they are not rule fields.
                if reader.peek() == "packets" {
                    for _ in 0..<4 { _ = reader.next() }
                }
            case "accept", "drop", "reject":
                guard spec.action == nil else { throw .unsupported(line: line, "a second verdict \"\(word)\"") }
                spec.action = word == "accept" ? "ACCEPT" : word == "drop" ? "DROP" : "REJECT"
                if word == "reject" && reader.peek() == "with" {
                    throw .unsupported(line: line, "\"reject with\"")
                }
            case "comment":
                spec.comment = try reader.value(after: "comment")
            default:
                throw .unsupported(line: line, "\"\(word)\"")
            }
        }
        guard spec.action != nil else { throw .missingVerdict(line: line) }
        if portProtocol != nil && transportPorts {
            throw .unsupported(line: line, "mixing \"th\" and protocol-specific ports")
        }
        if spec.proto == "any" && !transportPorts {
            throw .unsupported(line: line, "\"meta l4proto\" without a protocol")
        }
        if transportPorts && spec.sport == nil && spec.dport == nil {
            throw .unsupported(line: line, "\"meta l4proto { tcp, udp }\" without ports")
        }
        return spec
    }
}

/// Sequential access to one line's words, with errors that name what was missing.
private struct TokenReader {
    let tokens: [RuleTextTokenizer.Token]
    let line: Int
    private var position = 0

    init(tokens: [RuleTextTokenizer.Token], line: Int) {
        self.tokens = tokens
        self.line = line
    }

    func peek() -> String? { position < tokens.count ? tokens[position].text : nil }

    mutating func next() -> String? {
        guard position < tokens.count else { return nil }
        defer { position += 1 }
        return tokens[position].text
    }

    mutating func value(after option: String) throws(RuleImportError) -> String {
        guard let word = next(), !["{", "}", ",", ";"].contains(word) || tokens[position - 1].quoted else {
            throw .missingValue(line: line, after: option)
        }
        return word
    }

    /// `{ a, b }` after the opening brace was peeked.
    mutating func set() throws(RuleImportError) -> [String] {
        _ = next()
        var members: [String] = []
        while let word = next() {
            if word == "}" { return members }
            if word != "," { members.append(word) }
        }
        throw .missingValue(line: line, after: "{")
    }
}
