/// What the alert book did with a hit, for the `alerts` topic and the incident policy.
package enum AlertChange: Sendable, Hashable {
    /// A new alert.
    case opened(Alert)
    /// A repeat folded into an existing alert (shown as it is now).
    case folded(Alert)

    package var alert: Alert {
        switch self {
        case .opened(let alert), .folded(let alert): alert
        }
    }
}
