import Glibc

/// What a system call on a possibly nonblocking descriptor came back with.
package enum SyscallOutcome<Value> {
    /// The call succeeded and returned this value.
    case done(Value)
    /// The call failed with `EAGAIN`/`EWOULDBLOCK`: retry once the descriptor is ready.
    case wouldBlock
}

extension SyscallOutcome: Sendable where Value: Sendable {}

/// Runs `body`, a system call that returns -1 and sets `errno` on failure, the way every call
/// in SocPOSIX goes through the kernel: interrupted calls (`EINTR`) are retried, "would block"
/// is a result rather than an error, and every other failure is thrown as a `SystemError`
/// naming `function` (and `path`, when the call took one).
@inline(__always)
func nonblockingSyscall<Result: FixedWidthInteger>(
    _ function: String, path: String? = nil, _ body: () -> Result
) throws(SystemError) -> SyscallOutcome<Result> {
    while true {
        let result = body()
        if result != -1 {
            return .done(result)
        }
        let errorNumber = errno
        switch errorNumber {
        case EINTR:
            continue
        case EAGAIN, EWOULDBLOCK:
            return .wouldBlock
        default:
            throw SystemError(errno: errorNumber, function: function, path: path)
        }
    }
}

/// `nonblockingSyscall` for calls where "would block" cannot be handled by waiting for
/// readiness (blocking descriptors, calls that do not block at all): `EAGAIN` is thrown.
@inline(__always)
@discardableResult
func syscall<Result: FixedWidthInteger>(
    _ function: String, path: String? = nil, _ body: () -> Result
) throws(SystemError) -> Result {
    switch try nonblockingSyscall(function, path: path, body) {
    case .done(let result):
        return result
    case .wouldBlock:
        throw SystemError(errno: EAGAIN, function: function, path: path)
    }
}

/// Runs a pthread-style call that returns 0 or an error number (and leaves `errno` alone),
/// retrying `EINTR` like `syscall`.
@inline(__always)
func pthreadCall(_ function: String, _ body: () -> Int32) throws(SystemError) {
    while true {
        let result = body()
        if result == 0 {
            return
        }
        if result != EINTR {
            throw SystemError(errno: result, function: function)
        }
    }
}
