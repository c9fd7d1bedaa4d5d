@testable import JSONRPC

/// A seeded generator so that property tests fail the same way every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random JSON values that exercise escapes, non-ASCII text, extreme numbers and nesting.
struct RandomJSONValues {
    var generator: SplitMix64

    init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    private static let alphabet: [Character] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "ß", "日",
        "😀", "\u{FFFF}", "\u{10FFFF}", "\u{2028}",
    ]

    mutating func value(depth: Int = 0) -> JSONValue {
        let choice = Int.random(in: 0..<(depth < 4 ? 9 : 6), using: &generator)
        switch choice {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(integer())
        case 3: return .double(double())
        case 4, 5: return .string(string())
        case 6: return .array((0..<Int.random(in: 0..<5, using: &generator)).map { _ in value(depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0..<5, using: &generator) { members[string()] = value(depth: depth + 1) }
            return .object(members)
        }
    }

    mutating func integer() -> Int {
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: return [Int.min, Int.max, 0, -1, 1][Int.random(in: 0..<5, using: &generator)]
        case 1: return Int.random(in: -1000...1000, using: &generator)
        default: return Int(bitPattern: UInt(generator.next()))
        }
    }

    mutating func double() -> Double {
        switch Int.random(in: 0..<5, using: &generator) {
        case 0:
            let specials: [Double] = [
                0.0, -0.0, 1.0, -1.0, 0.1, 1e-5, 5e20, 1e300, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
            ]
            return specials[Int.random(in: 0..<specials.count, using: &generator)]
        case 1: return Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) / 8
        default:
            // Any finite bit pattern.
            while true {
                let candidate = Double(bitPattern: generator.next())
                if candidate.isFinite { return candidate }
            }
        }
    }

    mutating func string() -> String {
        let length = Int.random(in: 0..<12, using: &generator)
        return String((0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! })
    }
}
