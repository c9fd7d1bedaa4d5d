/// Comments as firewall tools can hold them: control characters become spaces and the text is
/// cut (at a character boundary) to the tool's byte limit.
enum RuleCommentSanitizer {
    static func sanitized(_ comment: String, maximumBytes: Int, replacingQuotes: Bool) -> String {
        var result = ""
        var bytes = 0
        for character in comment {
            var piece = String(character)
            if character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { piece = " " }
            // nft strings cannot contain a double quote at all; a single quote reads the same.
            if replacingQuotes && character == "\"" { piece = "'" }
            guard bytes + piece.utf8.count <= maximumBytes else { break }
            bytes += piece.utf8.count
            result += piece
        }
        return result
    }
}
