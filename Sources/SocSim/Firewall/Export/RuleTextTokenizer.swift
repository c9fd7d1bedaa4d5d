/// Splits one line of an nft or iptables-restore file into words: whitespace separates, a
/// double-quoted string is one word (backslash escapes the next character when
/// `backslashEscapes`, as iptables-restore reads it; nft strings have no escapes), and
/// `{ } , ;` are words of their own when `punctuation` is set (nft sets and statement ends).
enum RuleTextTokenizer {
    struct Token: Equatable {
        var text: String
        var quoted: Bool
    }

    static func tokens(
        _ line: Substring, lineNumber: Int, punctuation: Bool, backslashEscapes: Bool
    ) throws(RuleImportError) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var inQuotes = false
        var wasQuoted = false
        var escaped = false
        func flush() {
            if !current.isEmpty || wasQuoted { tokens.append(Token(text: current, quoted: wasQuoted)) }
            current = ""
            wasQuoted = false
        }
        for character in line {
            if inQuotes {
                if escaped {
                    current.append(character)
                    escaped = false
                } else if character == "\\" && backslashEscapes {
                    escaped = true
                } else if character == "\"" {
                    inQuotes = false
                } else {
                    current.append(character)
                }
                continue
            }
            if character == "\"" {
                inQuotes = true
                wasQuoted = true
            } else if character == " " || character == "\t" || character == "\r" {
                flush()
            } else if punctuation && "{},;".contains(character) {
                flush()
                tokens.append(Token(text: String(character), quoted: false))
            } else {
                current.append(character)
            }
        }
        guard !inQuotes else { throw .unterminatedString(line: lineNumber) }
        flush()
        return tokens
    }
}
