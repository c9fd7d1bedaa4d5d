/// Shannon entropy of a string's bytes, in bits per byte: 0 for `aaaa`, 2 for `abcd`, close to
/// log2(alphabet) for random base32 or hex. Names a person chose score low; the encoded payload
/// of a DNS tunnel scores high.
package enum ShannonEntropy {
    package static func bitsPerByte(_ text: some StringProtocol) -> Double {
        var counts = [Int](repeating: 0, count: 256)
        var length = 0
        for byte in text.utf8 {
            counts[Int(byte)] += 1
            length += 1
        }
        guard length > 0 else { return 0 }
        let total = Double(length)
        var entropy = 0.0
        for count in counts where count > 0 {
            let probability = Double(count) / total
            entropy -= probability * log2(probability)
        }
        return entropy
    }

    /// Foundation-free log2 for positive finite input, via the exponent and a series for the
    /// mantissa (accurate to ~1e-12, plenty for a threshold).
    static func log2(_ value: Double) -> Double {
        let exponent = Double(value.exponent)
        let mantissa = value.significand  // in [1, 2)
        // ln(m) = 2 atanh((m-1)/(m+1)).
        let y = (mantissa - 1) / (mantissa + 1)
        let y2 = y * y
        var term = y
        var sum = 0.0
        var k = 1.0
        while k < 40 {
            sum += term / k
            term *= y2
            k += 2
        }
        return exponent + 2 * sum / 0.693_147_180_559_945_3
    }
}
