/// A plain indicator list: one value per line, its kind detected from its shape; `#` starts a
/// comment (whole line, or after the value following whitespace); blank lines are skipped.
package enum PlainIntelListParser {
    package static func parse(
        _ text: String, defaults: IntelImportDefaults = IntelImportDefaults()
    )
        throws(IntelError) -> [Indicator]
    {
        var indicators: [Indicator] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let value = line.trimmingWhitespace()
            guard !value.isEmpty else { continue }
            do {
                indicators.append(
                    try Indicator(
                        detecting: String(value), source: defaults.source, confidence: defaults.confidence,
                        tags: defaults.tags, expiresAtMilliseconds: defaults.expiresAtMilliseconds))
            } catch {
                throw error.at(line: offset + 1)
            }
        }
        return indicators
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and carriage returns.
    func trimmingWhitespace() -> SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[first...last]
    }
}
