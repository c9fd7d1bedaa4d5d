/// The spellings of "match anything" that every rule field accepts: `ANY` in any case, or `*`.
enum RuleWildcard {
    static func matches(_ text: String) -> Bool {
        if text == "*" { return true }
        let utf8 = text.utf8
        guard utf8.count == 3 else { return false }
        var bytes = utf8.makeIterator()
        // ASCII lower-casing by setting bit 0x20 is exact for letters; "any" has no other bytes.
        return bytes.next()! | 0x20 == UInt8(ascii: "a") && bytes.next()! | 0x20 == UInt8(ascii: "n")
            && bytes.next()! | 0x20 == UInt8(ascii: "y")
    }
}
