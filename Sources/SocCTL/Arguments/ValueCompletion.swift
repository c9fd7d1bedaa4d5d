/// What a shell should offer when completing the value of an option or a positional argument.
package enum ValueCompletion: Sendable, Hashable {
    /// Nothing to offer; the value is free text.
    case none
    /// File names.
    case files
    /// Directory names.
    case directories
    /// A fixed set of words, such as the protocol names `tcp udp icmp any`.
    case words([String])
}
