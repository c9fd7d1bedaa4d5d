/// Hashes of a domain name's label-aligned suffixes, computed in one right-to-left pass without
/// building a string per suffix: FNV-1a over the lower-cased bytes in reverse order, so the hash
/// of `example.com` is the running hash at the dot of `www.example.com`.
enum DomainSuffixHash {
    private static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte | 0x20 : byte
    }

    static func hash(of name: some StringProtocol) -> UInt64 {
        var hash = offset
        for byte in name.utf8.reversed() {
            hash = (hash ^ UInt64(lower(byte))) &* prime
        }
        return hash
    }

    /// Calls `body` with the hash and text of each label-aligned suffix of `name` (`c`, `b.c`,
    /// `a.b.c`) in the order the right-to-left pass meets them, shortest first; `body` returns
    /// false to stop. A trailing dot is ignored.
    static func forEachSuffix(of text: some StringProtocol, _ body: (UInt64, Substring) -> Bool) {
        let name = Substring(text)
        var end = name.endIndex
        if end > name.startIndex, name[name.index(before: end)] == "." { end = name.index(before: end) }
        let trimmed = name[..<end]
        var hash = offset
        var index = trimmed.utf8.endIndex
        let start = trimmed.utf8.startIndex
        while index > start {
            let previous = trimmed.utf8.index(before: index)
            let byte = trimmed.utf8[previous]
            if byte == UInt8(ascii: ".") {
                if !body(hash, trimmed[index...]) { return }
            }
            hash = (hash ^ UInt64(lower(byte))) &* prime
            index = previous
        }
        _ = body(hash, trimmed[...])
    }

    static func equalIgnoringCase(_ lowered: String, _ other: some StringProtocol) -> Bool {
        lowered.utf8.elementsEqual(other.utf8.lazy.map(lower))
    }
}
