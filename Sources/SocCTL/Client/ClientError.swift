import Glibc
import JSONRPC
import SocPOSIX

/// Why a call to socd did not produce a result: the daemon could not be reached, it went away,
/// it broke the protocol, or it answered with a JSON-RPC error.
///
/// The message names the socket path and, where the user can do something about it, what to do,
/// because "connection refused" alone does not say which daemon or how to start it.
package struct ClientError: Error, Hashable, Sendable, CustomStringConvertible {
    package enum Reason: Hashable, Sendable {
        /// connect(2) failed with this error number.
        case unreachable(errno: Int32)
        /// The daemon closed the connection (end of file, or a reset) before answering.
        case disconnected
        /// Reading from or writing to the connection failed for another reason.
        case transport(SystemError)
        /// What came back is not a JSON-RPC reply we can use; the text says what was wrong.
        case protocolViolation(String)
        /// The daemon answered the call with an error.
        case errorReply(RPCError)
        /// No reply came within the client's reply timeout (whole seconds, as given).
        case timedOut(seconds: Double)
    }

    package var reason: Reason
    /// The socket the client talked to.
    package var socketPath: String
    /// The method being called, when the error happened during a call.
    package var method: String?

    package init(_ reason: Reason, socketPath: String, method: String? = nil) {
        self.reason = reason
        self.socketPath = socketPath
        self.method = method
    }

    /// connect(2) to `socketPath` failed with `cause`.
    package static func unreachable(_ socketPath: String, cause: SystemError) -> ClientError {
        ClientError(.unreachable(errno: cause.errno), socketPath: socketPath)
    }

    package static func disconnected(_ socketPath: String, method: String? = nil) -> ClientError {
        ClientError(.disconnected, socketPath: socketPath, method: method)
    }

    package static func transport(_ cause: SystemError, socketPath: String, method: String? = nil) -> ClientError {
        ClientError(.transport(cause), socketPath: socketPath, method: method)
    }

    package static func protocolViolation(_ detail: String, socketPath: String, method: String? = nil) -> ClientError {
        ClientError(.protocolViolation(detail), socketPath: socketPath, method: method)
    }

    package static func timedOut(after seconds: Double, socketPath: String, method: String) -> ClientError {
        ClientError(.timedOut(seconds: seconds), socketPath: socketPath, method: method)
    }

    package static func errorReply(_ error: RPCError, socketPath: String, method: String?) -> ClientError {
        ClientError(.errorReply(error), socketPath: socketPath, method: method)
    }

    /// The error the daemon answered with, if that is what this is.
    package var rpcError: RPCError? {
        if case .errorReply(let error) = reason { return error }
        return nil
    }

    /// Whether the daemon could not be reached or went away, as opposed to answering badly.
    package var isUnavailable: Bool {
        switch reason {
        case .unreachable, .disconnected, .transport, .timedOut: true
        case .protocolViolation, .errorReply: false
        }
    }

    package var description: String { message }

    /// One line for `socctl: <message>`.
    package var message: String {
        switch reason {
        case .unreachable(let errorNumber):
            return Self.unreachableMessage(errno: errorNumber, path: socketPath)
        case .disconnected:
            let during = method.map { " while waiting for the reply to \($0)" } ?? ""
            return "the daemon at \(socketPath) closed the connection\(during)"
        case .transport(let cause):
            return "lost the connection to the daemon at \(socketPath): \(cause.message)"
        case .protocolViolation(let detail):
            let during = method.map { " to \($0)" } ?? ""
            return "the daemon at \(socketPath) sent an invalid reply\(during): \(detail)"
        case .errorReply(let error):
            return Self.errorReplyMessage(error)
        case .timedOut(let seconds):
            let what = method.map { "the reply to \($0)" } ?? "a reply"
            return "the daemon at \(socketPath) did not send \(what) within \(Self.format(seconds: seconds)); "
                + "it may be stuck or very busy (allow longer with --timeout SECONDS, or 0 to wait as long as it takes)"
        }
    }

    private static func format(seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }

    private static func startHint(_ path: String) -> String {
        "start it with 'systemctl start socd.socket' or 'socd --socket \(path)'"
    }

    private static func unreachableMessage(errno errorNumber: Int32, path: String) -> String {
        switch errorNumber {
        case ENOENT, ENOTDIR:
            return "no daemon listening at \(path) (no such socket); \(startHint(path))"
        case ECONNREFUSED:
            return "no daemon listening at \(path) (connection refused); \(startHint(path))"
        case EACCES, EPERM:
            return
                "cannot connect to \(path) (permission denied); the socket is open to root and the 'socd' group: "
                + "join it ('usermod -aG socd USER', then log in again) or use sudo"
        case ETIMEDOUT, EAGAIN:
            return "the daemon at \(path) did not accept the connection in time (its backlog is full); try again"
        case ENAMETOOLONG:
            return "cannot connect to \(path): a socket path may have at most \(UnixSocket.maximumPathLength) bytes"
        default:
            return "cannot connect to \(path): \(SystemError.message(forErrno: errorNumber))"
        }
    }

    /// A refusal (`-32003`) is printed as the daemon wrote it, since it already says who may do
    /// what; other errors name the offending field when the daemon reported one.
    private static func errorReplyMessage(_ error: RPCError) -> String {
        if error.code == RPCErrorCode.permissionDenied { return error.message }
        guard let field = error.data?["field"]?.stringValue, !field.isEmpty, !error.message.contains(field) else {
            return error.message
        }
        return "\(error.message) (field '\(field)')"
    }
}
