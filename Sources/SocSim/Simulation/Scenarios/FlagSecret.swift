/// The per-install key scenario flags are derived with. The daemon creates it once, keeps it in
/// its state directory and hands it in; it is never part of a snapshot, so a flag cannot be
/// computed from the source code or from persisted simulation state alone.
package struct FlagSecret: Sendable {
    package let bytes: [UInt8]

    package static let minimumLength = 16

    /// Nil for a key shorter than `minimumLength` bytes (a truncated secret file, say).
    package init?(bytes: [UInt8]) {
        guard bytes.count >= Self.minimumLength else { return nil }
        self.bytes = bytes
    }

    /// A fresh 32-byte secret.
    package static func generate(using generator: inout some RandomNumberGenerator) -> FlagSecret {
        FlagSecret(bytes: (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })!
    }
}
