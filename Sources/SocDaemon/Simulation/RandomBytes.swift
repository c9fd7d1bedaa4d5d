import Glibc
import SocPOSIX

/// Bytes from `/dev/urandom`, for the install's flag secret and for seeds nobody chose.
enum RandomBytes {
    static func read(count: Int) throws(SystemError) -> [UInt8] {
        let path = "/dev/urandom"
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError.current(function: "open", path: path) }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, count - filled)
            }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { throw SystemError.current(function: "read", path: path) }
            filled += got
        }
        return bytes
    }

    /// A seed for a scenario nobody gave one for: 53 random bits, so that every JSON client
    /// reads it exactly (`SimSeed.range`).
    static func seed() -> UInt64 {
        let bytes = (try? read(count: 8)) ?? fallbackBytes()
        let value = bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return value & ((1 << 53) - 1)
    }

    /// When /dev/urandom is unavailable (a chroot without /dev): the monotonic clock's low bits
    /// mixed through SplitMix64 are not secret, but a seed need not be.
    private static func fallbackBytes() -> [UInt8] {
        var state = MonotonicClock.now ^ UInt64(UInt32(bitPattern: getpid()))
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return (0..<8).map { UInt8(truncatingIfNeeded: z >> (UInt64($0) * 8)) }
    }
}
