/// HMAC-SHA-256 (RFC 2104), checked against the RFC 4231 test vectors.
package enum HMACSHA256 {
    /// The 32-byte authentication code of `message` under `key`.
    package static func authenticationCode(key: [UInt8], message: some Sequence<UInt8>) -> [UInt8] {
        // Keys longer than a block are hashed first; shorter ones are zero-padded (RFC 2104 §2).
        var blockKey = key.count > SHA256.blockSize ? SHA256.hash(key) : key
        blockKey += [UInt8](repeating: 0, count: SHA256.blockSize - blockKey.count)

        var inner = SHA256()
        inner.update(blockKey.map { $0 ^ 0x36 })
        inner.update(message)
        let innerDigest = inner.finalize()

        var outer = SHA256()
        outer.update(blockKey.map { $0 ^ 0x5c })
        outer.update(innerDigest)
        return outer.finalize()
    }
}
