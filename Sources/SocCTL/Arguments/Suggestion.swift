/// Finds the candidate a mistyped word was probably meant to be, for "did you mean" hints.
package enum Suggestion {
    /// The closest candidate, or `nil` when none is close enough to be a plausible typo.
    ///
    /// Distance is the optimal-string-alignment edit distance, case-insensitive, so that one
    /// transposition (`jsno` for `json`) costs one edit. A candidate is close enough within one
    /// edit for short names and two for longer ones, and never when the distance reaches the length
    /// of the input (everything is two edits from `x`). A unique candidate that the input is a
    /// prefix of (`sock` for `socket`) is suggested too.
    package static func closest(to input: String, among candidates: [String]) -> String? {
        let word = Array(input.lowercased().unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word, Array(candidate.lowercased().unicodeScalars))
            let allowed = candidate.count <= 3 ? 1 : 2
            guard distance <= allowed, distance < word.count else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        if let best { return best.candidate }
        let extensions = candidates.filter { $0.lowercased().hasPrefix(input.lowercased()) }
        return input.count >= 2 && extensions.count == 1 ? extensions[0] : nil
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and transpositions of
    /// adjacent characters each cost one.
    package static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rows suffice: the transposition case looks two rows back.
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
