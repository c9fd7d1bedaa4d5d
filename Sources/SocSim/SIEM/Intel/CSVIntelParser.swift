/// A CSV indicator feed with a header row naming its columns, in any order and case: `value`
/// (required), `type` (ip, cidr, domain, url, sha256; detected when absent or empty),
/// `confidence` (0-100), `tags` (separated by `;` or `|`), `source`, `expires` (ISO 8601 date or
/// date-time, or milliseconds since the epoch). Fields may be quoted with `"`, doubling `""` for
/// a quote inside. Unknown columns are ignored; `#` lines and blank lines are skipped.
package enum CSVIntelParser {
    private enum Column: String, CaseIterable {
        case type, value, confidence, tags, source, expires
    }

    package static func parse(
        _ text: String, defaults: IntelImportDefaults = IntelImportDefaults()
    )
        throws(IntelError) -> [Indicator]
    {
        var header: [Column?]?
        var indicators: [Indicator] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.trimmingWhitespace().isEmpty || line.trimmingWhitespace().hasPrefix("#") { continue }
            let fields: [String]
            do { fields = try splitFields(line) } catch { throw error.at(line: lineNumber) }
            guard let columns = header else {
                let named = fields.map { Column(rawValue: $0.trimmingWhitespace().lowercased()) }
                guard named.contains(.value) else {
                    throw .invalidFeed("the CSV header must name a 'value' column", line: lineNumber)
                }
                header = named
                continue
            }
            guard fields.count <= columns.count else {
                throw .invalidFeed(
                    "\(fields.count) fields but the header names \(columns.count) columns", line: lineNumber)
            }
            var cells: [Column: String] = [:]
            for (index, field) in fields.enumerated() {
                if let column = columns[index] { cells[column] = String(field.trimmingWhitespace()) }
            }
            do {
                indicators.append(try indicator(from: cells, defaults: defaults))
            } catch {
                throw error.at(line: lineNumber)
            }
        }
        guard header != nil else { throw .invalidFeed("the CSV feed has no header row", line: 1) }
        return indicators
    }

    private static func indicator(
        from cells: [Column: String], defaults: IntelImportDefaults
    ) throws(IntelError)
        -> Indicator
    {
        guard let value = cells[.value], !value.isEmpty else { throw .invalidFeed("the value is empty") }
        var confidence = defaults.confidence
        if let text = cells[.confidence], !text.isEmpty {
            guard let number = Int(text) else { throw .invalidFeed("confidence '\(text)' is not a whole number") }
            confidence = number
        }
        var tags = defaults.tags
        if let text = cells[.tags], !text.isEmpty {
            tags += text.split(whereSeparator: { $0 == ";" || $0 == "|" }).map { String($0.trimmingWhitespace()) }
                .filter { !$0.isEmpty }
        }
        let source = cells[.source].flatMap { $0.isEmpty ? nil : $0 } ?? defaults.source
        var expires = defaults.expiresAtMilliseconds
        if let text = cells[.expires], !text.isEmpty {
            if let milliseconds = Int64(text) {
                expires = milliseconds
            } else if let parsed = ISO8601Timestamp.epochMilliseconds(text) {
                expires = parsed
            } else {
                throw .invalidFeed("expires '\(text)' is neither ISO 8601 nor milliseconds since the epoch")
            }
        }
        if let typeText = cells[.type], !typeText.isEmpty {
            guard let kind = IndicatorKind(rawValue: typeText.lowercased()) else {
                throw .invalidFeed(
                    "type '\(typeText)' is not one of \(IndicatorKind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return try Indicator(
                kind: kind, value: value, source: source, confidence: confidence, tags: tags,
                expiresAtMilliseconds: expires)
        }
        return try Indicator(
            detecting: value, source: source, confidence: confidence, tags: tags, expiresAtMilliseconds: expires)
    }

    /// RFC 4180 fields of one line (a quoted field may not span lines here).
    static func splitFields(_ line: Substring) throws(IntelError) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var wasQuoted = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            index = line.index(after: index)
            if quoted {
                if character == "\"" {
                    if index < line.endIndex && line[index] == "\"" {
                        field.append("\"")
                        index = line.index(after: index)
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "," {
                fields.append(field)
                field = ""
                wasQuoted = false
            } else if character == "\"" && field.trimmingWhitespace().isEmpty && !wasQuoted {
                field = ""
                quoted = true
                wasQuoted = true
            } else {
                field.append(character)
            }
        }
        guard !quoted else { throw .invalidFeed("a quoted field is not closed") }
        fields.append(field)
        return fields
    }
}
