/// What a read from a descriptor produced.
package enum IOResult: Sendable, Hashable {
    /// This many bytes (at least one) were read.
    case bytes(Int)
    /// Nothing to read yet on a nonblocking descriptor; wait for readability.
    case wouldBlock
    /// The peer closed its end (or shut down writing); no more bytes will come.
    case endOfFile
}
