/// Why `RPCClient.streamNotifications(until:_:)` stopped.
package enum NotificationStreamEnd: Sendable, Hashable {
    /// One of the watched signals arrived (its number).
    case signal(Int32)
    /// The daemon closed the connection.
    case endOfFile
}
