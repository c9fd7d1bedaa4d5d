/// What a write to a descriptor achieved.
package enum WriteResult: Sendable, Hashable {
    /// This many bytes were written, possibly fewer than offered.
    case written(Int)
    /// Nothing could be written to the nonblocking descriptor; wait for writability.
    case wouldBlock
}
