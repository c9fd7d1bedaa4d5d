/// What an imported indicator gets when its feed does not say: the feed's name, a confidence, tags
/// and an expiry.
package struct IntelImportDefaults: Sendable, Hashable, Codable {
    package var source: String
    package var confidence: Int
    package var tags: [String]
    package var expiresAtMilliseconds: Int64?

    package init(source: String = "", confidence: Int = 50, tags: [String] = [], expiresAtMilliseconds: Int64? = nil) {
        self.source = source
        self.confidence = confidence
        self.tags = tags
        self.expiresAtMilliseconds = expiresAtMilliseconds
    }
}
