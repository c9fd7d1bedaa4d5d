import JSONRPC

/// A threat-intelligence indicator.
package struct IndicatorInfo: Codable, Sendable, Hashable, JSONSchemaDocumented {
    package var id: Int
    /// ip, cidr, domain, url or sha256.
    package var type: String
    package var value: String
    package var source: String
    package var confidence: Int
    package var tags: [String]
    package var expiresAt: String?

    package init(
        id: Int, type: String, value: String, source: String, confidence: Int, tags: [String], expiresAt: String?
    ) {
        self.id = id
        self.type = type
        self.value = value
        self.source = source
        self.confidence = confidence
        self.tags = tags
        self.expiresAt = expiresAt
    }

    package static let fieldDescriptions = [
        "value": "Canonical form: addresses and networks as written, domains in lower case.",
        "confidence": "0-100.",
        "expiresAt": "When it stops matching (ISO 8601); absent when it does not expire.",
    ]
}
