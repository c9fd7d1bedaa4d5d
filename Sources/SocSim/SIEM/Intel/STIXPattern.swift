/// The subset of STIX patterning socd imports: `[object-path = 'value']` comparisons, optionally
/// joined by OR (inside one bracket pair or between pairs). Anything else (AND, other operators,
/// qualifiers) is refused with the offending text, since importing half a pattern would match
/// more than the author meant.
enum STIXPattern {
    private static let paths: [String: IndicatorKind] = [
        "ipv4-addr:value": .ip, "domain-name:value": .domain, "url:value": .url,
        "file:hashes.'SHA-256'": .sha256, "file:hashes.\"SHA-256\"": .sha256, "file:hashes.SHA-256": .sha256,
        "file:hashes.sha256": .sha256,
    ]

    static func comparisons(in pattern: String) throws(IntelError) -> [(IndicatorKind, String)] {
        var result: [(IndicatorKind, String)] = []
        var rest = pattern.trimmingWhitespace()
        while !rest.isEmpty {
            guard rest.hasPrefix("[") else { throw .invalidFeed("unsupported pattern '\(pattern)'") }
            guard let close = closingBracket(in: rest) else { throw .invalidFeed("unbalanced '[' in '\(pattern)'") }
            let inside = rest[rest.index(after: rest.startIndex)..<close]
            for part in try splitOnOr(inside, pattern: pattern) {
                result.append(try comparison(part, pattern: pattern))
            }
            rest = rest[rest.index(after: close)...].trimmingWhitespace()
            if rest.isEmpty { break }
            guard rest.prefix(2).uppercased() == "OR", rest.dropFirst(2).first?.isWhitespace == true else {
                throw .invalidFeed("unsupported pattern '\(pattern)' (only OR may join comparisons)")
            }
            rest = rest.dropFirst(2).trimmingWhitespace()
        }
        guard !result.isEmpty else { throw .invalidFeed("empty pattern") }
        return result
    }

    /// The `]` closing the `[` at the start, skipping quoted text.
    private static func closingBracket(in text: Substring) -> Substring.Index? {
        var quoted = false
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if character == "\\" && quoted {
                index = text.index(after: index)
            } else if character == "'" {
                quoted.toggle()
            } else if character == "]" && !quoted {
                return index
            }
            if index < text.endIndex { index = text.index(after: index) }
        }
        return nil
    }

    /// Splits on ` OR ` outside quotes; refuses ` AND `.
    private static func splitOnOr(_ text: Substring, pattern: String) throws(IntelError) -> [Substring] {
        var parts: [Substring] = []
        var quoted = false
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "'" { quoted.toggle() }
            if !quoted && character.isWhitespace {
                let after = text[text.index(after: index)...]
                let word = after.prefix { !$0.isWhitespace }.uppercased()
                if word == "AND" { throw .invalidFeed("unsupported pattern '\(pattern)' (AND is not supported)") }
                if word == "OR" && after.dropFirst(2).first?.isWhitespace == true {
                    parts.append(text[start..<index])
                    index = text.index(index, offsetBy: 3)
                    start = index
                    continue
                }
            }
            index = text.index(after: index)
        }
        parts.append(text[start...])
        return parts
    }

    private static func comparison(_ text: Substring, pattern: String) throws(IntelError) -> (IndicatorKind, String) {
        let trimmed = text.trimmingWhitespace()
        guard let equals = trimmed.firstIndex(of: "=") else {
            throw .invalidFeed("unsupported comparison '\(trimmed)' (only = is supported)")
        }
        let path = String(trimmed[..<equals].trimmingWhitespace())
        let quotedValue = trimmed[trimmed.index(after: equals)...].trimmingWhitespace()
        guard quotedValue.count >= 2, quotedValue.first == "'", quotedValue.last == "'" else {
            throw .invalidFeed("the value in '\(trimmed)' must be a quoted string")
        }
        var value = ""
        var escaped = false
        for character in quotedValue.dropFirst().dropLast() {
            if escaped || character != "\\" {
                value.append(character)
                escaped = false
            } else {
                escaped = true
            }
        }
        guard var kind = paths[path] else {
            throw .invalidFeed(
                "unsupported object path '\(path)' (supported: ipv4-addr:value, domain-name:value, "
                    + "url:value, file:hashes.'SHA-256')")
        }
        if kind == .ip && value.contains("/") { kind = .cidr }
        return (kind, value)
    }
}
