extension JSONParser {
    /// Reads a document that is one object member by member, handing each key and value to
    /// `member` instead of building a dictionary. The request path needs four members of the
    /// top-level object, and hashing every key into a dictionary that is dropped a moment later
    /// was a third of a request's parsing.
    ///
    /// Keys reach `member` as their UTF-8, sliced from the input when they have no escapes.
    /// Returns false, having consumed nothing, when the document does not start with `{`; the
    /// caller then parses it with `parseDocument`. Errors are those `parseDocument` reports.
    mutating func parseObjectMembers(
        _ member: (_ key: UnsafeBufferPointer<UInt8>, _ value: consuming JSONValue) -> Void
    ) throws(JSONParseError) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == ASCII.openBrace else {
            index = 0
            return false
        }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == ASCII.closeBrace {
            index += 1
        } else {
            readingMembers: while true {
                let key = try parseMemberKeyBytes()
                let value = try parseValue(enclosingDepth: 1)
                switch key {
                case .inInput(let range): member(UnsafeBufferPointer(rebasing: bytes[range]), value)
                case .unescaped(var text): text.withUTF8 { member($0, value) }
                }
                skipWhitespace()
                guard index < bytes.count else { throw .endOfInput(at: index) }
                let byte = bytes[index]
                index += 1
                switch byte {
                case ASCII.comma: skipWhitespace()
                case ASCII.closeBrace: break readingMembers
                default: throw .unexpected(byte, at: index - 1)
                }
            }
        }
        skipWhitespace()
        if index < bytes.count { throw .unexpected(bytes[index], at: index) }
        return true
    }

    private enum MemberKey {
        /// Plain ASCII without escapes: the key is these input bytes.
        case inInput(Range<Int>)
        case unescaped(String)
    }

    /// Reads `"key"` and the colon after it, like `parseMemberKey`, without making a String of
    /// a plain key.
    private mutating func parseMemberKeyBytes() throws(JSONParseError) -> MemberKey {
        guard index < bytes.count else { throw .endOfInput(at: index) }
        guard bytes[index] == ASCII.quote else { throw .unexpected(bytes[index], at: index) }
        let start = index + 1
        var position = start
        while position < bytes.count {
            let byte = bytes[position]
            if byte == ASCII.quote { break }
            if byte == ASCII.backslash || byte < 0x20 || byte >= 0x80 { return .unescaped(try parseMemberKey()) }
            position += 1
        }
        guard position < bytes.count else { return .unescaped(try parseMemberKey()) }
        index = position + 1
        skipWhitespace()
        guard index < bytes.count else { throw .endOfInput(at: index) }
        guard bytes[index] == ASCII.colon else { throw .unexpected(bytes[index], at: index) }
        index += 1
        return .inInput(start..<position)
    }
}
