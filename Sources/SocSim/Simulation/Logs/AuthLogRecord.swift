/// One SSH password authentication, as sshd writes it to the auth log.
package struct AuthLogRecord: LogRecordProtocol, Hashable {
    package static let dataset = LogDataset.auth

    package var tick: Int64
    package var timestampMilliseconds: Int64
    package var observer: String
    /// sshd forks one process per connection; the log names it.
    package var processID: Int
    package var user: String
    package var userExists: Bool
    package var succeeded: Bool
    package var client: IPv4Address
    package var clientPort: UInt16

    package init(
        tick: Int64, timestampMilliseconds: Int64, observer: String, processID: Int, user: String, userExists: Bool,
        succeeded: Bool, client: IPv4Address, clientPort: UInt16
    ) {
        self.tick = tick
        self.timestampMilliseconds = timestampMilliseconds
        self.observer = observer
        self.processID = processID
        self.user = user
        self.userExists = userExists
        self.succeeded = succeeded
        self.client = client
        self.clientPort = clientPort
    }

    package func field(_ field: ECSField) -> LogFieldValue? {
        switch field {
        case .eventAction: .string("ssh_login")
        case .eventOutcome: .string(succeeded ? "success" : "failure")
        case .observerName: .string(observer)
        case .userName: .string(user)
        case .sourceIP: .address(client)
        case .sourcePort: .integer(Int64(clientPort))
        case .destinationPort: .integer(22)
        case .networkTransport: .string("tcp")
        case .processName: .string("sshd")
        case .processPID: .integer(Int64(processID))
        default: commonField(field)
        }
    }

    /// `May 14 09:00:01 web-server sshd[2314]: Failed password for admin from 10.0.0.21 port 51234 ssh2`.
    package var nativeLine: String {
        let outcome =
            succeeded
            ? "Accepted password for \(user)" : "Failed password for \(userExists ? "" : "invalid user ")\(user)"
        return
            "\(civilTime.syslogTimestamp) \(observer) sshd[\(processID)]: \(outcome) from \(client) port \(clientPort) ssh2"
    }
}
