/// STIX 2.1 bundles: every `indicator` object whose `pattern` is one or more simple comparisons
/// joined by OR — `[ipv4-addr:value = '203.0.113.7']` (an address or CIDR),
/// `[domain-name:value = 'evil.example']`, `[url:value = 'http://evil.example/x']`,
/// `[file:hashes.'SHA-256' = '…']`. `confidence` (0-100), `labels` (tags) and `valid_until`
/// (expiry) are read when present; the source is the name of the identity the indicator's
/// `created_by_ref` points to, else the import's default. Objects of other types are skipped;
/// a malformed or unsupported indicator is an error naming its line and id.
package enum STIXBundleParser {
    package static func parse(
        _ text: String, defaults: IntelImportDefaults = IntelImportDefaults()
    )
        throws(IntelError) -> [Indicator]
    {
        let document = try IntelJSONReader.parse(text)
        guard document["type"]?.string == "bundle", case .array(let objects)? = document["objects"] else {
            throw .invalidFeed(
                "not a STIX bundle: expected an object with \"type\": \"bundle\" and \"objects\"", line: 1)
        }
        var identities: [String: String] = [:]
        for object in objects where object["type"]?.string == "identity" {
            if let id = object["id"]?.string, let name = object["name"]?.string { identities[id] = name }
        }
        var indicators: [Indicator] = []
        for object in objects where object["type"]?.string == "indicator" {
            let line = object.line ?? 1
            let id = object["id"]?.string ?? "indicator"
            if let patternType = object["pattern_type"]?.string, patternType != "stix" {
                throw .invalidFeed("\(id): pattern_type '\(patternType)' is not supported (only stix)", line: line)
            }
            guard let pattern = object["pattern"]?.string else {
                throw .invalidFeed("\(id): the indicator has no pattern", line: line)
            }
            var confidence = defaults.confidence
            if let value = object["confidence"] {
                guard case .number(let number) = value, number.rounded() == number, (0...100).contains(number) else {
                    throw .invalidFeed("\(id): confidence must be a whole number 0-100", line: line)
                }
                confidence = Int(number)
            }
            var tags = defaults.tags
            if case .array(let labels)? = object["labels"] { tags += labels.compactMap(\.string) }
            var expires = defaults.expiresAtMilliseconds
            if let validUntil = object["valid_until"]?.string {
                guard let milliseconds = ISO8601Timestamp.epochMilliseconds(validUntil) else {
                    throw .invalidFeed("\(id): valid_until '\(validUntil)' is not an ISO 8601 timestamp", line: line)
                }
                expires = milliseconds
            }
            let source = object["created_by_ref"]?.string.flatMap { identities[$0] } ?? defaults.source
            let comparisons: [(IndicatorKind, String)]
            do { comparisons = try STIXPattern.comparisons(in: pattern) } catch {
                throw .invalidFeed("\(id): \(error.message)", line: line)
            }
            for (kind, value) in comparisons {
                do {
                    indicators.append(
                        try Indicator(
                            kind: kind, value: value, source: source, confidence: confidence, tags: tags,
                            expiresAtMilliseconds: expires))
                } catch {
                    throw .invalidFeed("\(id): \(error.message)", line: line)
                }
            }
        }
        return indicators
    }
}
