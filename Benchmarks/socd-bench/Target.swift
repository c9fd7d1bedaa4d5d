/// What a figure should reach, from issue 2's targets.
enum Target {
    /// The figure may be at most this multiple of its baseline (latency).
    case withinRatioOfBaseline(Double)
    /// The figure must reach this (throughput).
    case atLeast(Quantity)
    /// The figure must not exceed this (time).
    case atMost(Quantity)
    /// The figure must stay under this (memory).
    case below(Quantity)

    var formatted: String {
        switch self {
        case .withinRatioOfBaseline(let ratio): "≤ \(Quantity.decimal(ratio, digits: 1))× baseline"
        case .atLeast(let quantity): "≥ \(quantity.formatted)"
        case .atMost(let quantity): "≤ \(quantity.formatted)"
        case .below(let quantity): "< \(quantity.formatted)"
        }
    }

    /// Whether `figure` meets the target; nil when it needs a baseline that is missing.
    func isMet(by figure: Quantity, baseline: Quantity?) -> Bool? {
        switch self {
        case .withinRatioOfBaseline(let ratio):
            guard let baseline, baseline.value > 0 else { return nil }
            return figure.value / baseline.value <= ratio
        case .atLeast(let bound): return figure.value >= bound.value
        case .atMost(let bound): return figure.value <= bound.value
        case .below(let bound): return figure.value < bound.value
        }
    }
}
