/// A threat-intelligence indicator of compromise: a value known to be bad, where the knowledge
/// came from, how sure the source is, and until when it holds.
package struct Indicator: Sendable, Hashable, Codable {
    package var kind: IndicatorKind
    /// Canonical form (`IndicatorValue.canonical`): addresses dotted, CIDRs masked, domains lower
    /// case without a trailing dot, hashes lower-case hex.
    package var value: String
    /// The feed or person it came from (`abuse.ch`, `analyst`).
    package var source: String
    /// 0-100, as STIX 2.1 scores it.
    package var confidence: Int
    package var tags: [String]
    /// Milliseconds since the epoch after which the indicator no longer matches; nil for never.
    package var expiresAtMilliseconds: Int64?

    /// Validates `value` against `kind` and canonicalizes it.
    package init(
        kind: IndicatorKind, value: String, source: String = "", confidence: Int = 50, tags: [String] = [],
        expiresAtMilliseconds: Int64? = nil
    ) throws(IntelError) {
        guard (0...100).contains(confidence) else { throw .confidenceOutOfRange(confidence) }
        guard let canonical = IndicatorValue.canonical(value, as: kind) else { throw .invalidValue(value, kind: kind) }
        self.kind = kind
        self.value = canonical
        self.source = source
        self.confidence = confidence
        self.tags = tags
        self.expiresAtMilliseconds = expiresAtMilliseconds
    }

    /// With the kind detected from the value's shape (`IndicatorValue.detect`).
    package init(
        detecting value: String, source: String = "", confidence: Int = 50, tags: [String] = [],
        expiresAtMilliseconds: Int64? = nil
    ) throws(IntelError) {
        guard let kind = IndicatorValue.detect(value) else { throw .unrecognizedValue(value) }
        try self.init(
            kind: kind, value: value, source: source, confidence: confidence, tags: tags,
            expiresAtMilliseconds: expiresAtMilliseconds)
    }

    package var key: IndicatorKey { IndicatorKey(kind: kind, value: value) }

    package func isExpired(atMilliseconds now: Int64) -> Bool {
        expiresAtMilliseconds.map { now >= $0 } ?? false
    }
}
