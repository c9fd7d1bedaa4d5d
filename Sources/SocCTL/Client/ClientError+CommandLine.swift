extension ClientError: CommandLineError {
    /// 1 for an error reply, 69 when the daemon is unreachable or went away, 70 for a reply that
    /// breaks the protocol (a bug on one side or the other), 75 when no reply came in time.
    package var exitStatus: ExitStatus {
        switch reason {
        case .unreachable, .disconnected, .transport: .unavailable
        case .timedOut: .temporaryFailure
        case .protocolViolation: .software
        case .errorReply: .failure
        }
    }
}
