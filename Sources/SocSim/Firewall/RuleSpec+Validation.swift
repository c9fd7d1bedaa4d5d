extension RuleSpec {
    /// Comments travel into nft and iptables exports, whose limits are 128 and 256 bytes.
    package static let maximumCommentBytes = 256

    /// Validates every field, in table order, and throws the first problem found.
    /// - Parameter now: milliseconds since the epoch; becomes `createdAt` and the base of `ttl`.
    package func validated(now: Int64) throws(RuleFieldError) -> RuleDraft {
        let match = try validatedMatch()
        let comment = try validatedComment()
        var expiresAt: Int64?
        if let ttl { expiresAt = now + (try RuleTimeToLive.parse(ttl)).milliseconds }
        return RuleDraft(match: match, comment: comment, expiresAt: expiresAt, createdAt: now)
    }

    /// The match fields and action alone, for callers that look rules up rather than add them
    /// (delete by fields, import checks).
    package func validatedMatch() throws(RuleFieldError) -> RuleMatchKey {
        var key = RuleMatchKey(action: .accept)
        if let src { key.source = try AddressMatch.parse(src, field: "src") }
        if let dst { key.destination = try AddressMatch.parse(dst, field: "dst") }
        if let sport { key.sourcePort = try PortMatch.parse(sport, field: "sport") }
        if let dport { key.destinationPort = try PortMatch.parse(dport, field: "dport") }
        if let proto { key.proto = try ProtocolMatch.parse(proto) }
        guard let action else { throw .missingAction() }
        key.action = try RuleAction.parse(action)
        try key.checkPortsAgreeWithProtocol()
        return key
    }

    private func validatedComment() throws(RuleFieldError) -> String {
        guard let comment else { return "" }
        guard comment.utf8.count <= Self.maximumCommentBytes else {
            throw .commentTooLong(length: comment.utf8.count, limit: Self.maximumCommentBytes)
        }
        guard !comment.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw .commentHasControlCharacters()
        }
        return comment
    }
}
