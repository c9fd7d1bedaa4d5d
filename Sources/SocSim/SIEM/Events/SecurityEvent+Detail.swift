extension SecurityEvent {
    package struct FirewallDetail: Sendable, Hashable {
        package var packetID: UInt64
        /// `rule.id`; nil when the default policy decided.
        package var ruleID: Int64?
        /// `network.bytes`.
        package var length: UInt32
        package var ingressInterface: Symbol
        /// `Symbol.empty` when the router itself was the destination.
        package var egressInterface: Symbol
        package var tcpFlags: TCPFlags
        /// The verdict's label as the log prefix prints it (`DROP`).
        package var verdict: PacketVerdict.Action

        package init(
            packetID: UInt64, ruleID: Int64?, length: UInt32, ingressInterface: Symbol, egressInterface: Symbol,
            tcpFlags: TCPFlags, verdict: PacketVerdict.Action
        ) {
            self.packetID = packetID
            self.ruleID = ruleID
            self.length = length
            self.ingressInterface = ingressInterface
            self.egressInterface = egressInterface
            self.tcpFlags = tcpFlags
            self.verdict = verdict
        }
    }

    package struct WebAccessDetail: Sendable, Hashable {
        /// `url.original`: the request target, path and query.
        package var target: String
        package var method: Symbol
        package var userAgent: Symbol
        /// `Symbol.empty` when the request carried no referrer.
        package var referrer: Symbol
        package var statusCode: UInt16
        package var bodyBytes: UInt32

        package init(
            target: String, method: Symbol, userAgent: Symbol, referrer: Symbol, statusCode: UInt16, bodyBytes: UInt32
        ) {
            self.target = target
            self.method = method
            self.userAgent = userAgent
            self.referrer = referrer
            self.statusCode = statusCode
            self.bodyBytes = bodyBytes
        }

        /// `url.path`.
        package var path: Substring {
            guard let mark = target.firstIndex(of: "?") else { return target[...] }
            return target[..<mark]
        }

        /// `url.query`.
        package var query: Substring? {
            target.firstIndex(of: "?").map { target[target.index(after: $0)...] }
        }
    }

    package struct AuthDetail: Sendable, Hashable {
        package var user: Symbol
        package var userExists: Bool
        package var processID: UInt32

        package init(user: Symbol, userExists: Bool, processID: UInt32) {
            self.user = user
            self.userExists = userExists
            self.processID = processID
        }
    }

    package struct DNSDetail: Sendable, Hashable {
        /// `dns.question.name`.
        package var name: String
        package var type: DNSRecordType
        package var processID: UInt32

        package init(name: String, type: DNSRecordType, processID: UInt32) {
            self.name = name
            self.type = type
            self.processID = processID
        }
    }

    package struct DHCPDetail: Sendable, Hashable {
        package var messageType: DHCPLogRecord.MessageType
        package var mac: MACAddress
        package var hostName: Symbol
        /// `host.ip`: the address offered, requested, acknowledged or released.
        package var address: IPv4Address?
        package var interface: Symbol
        package var processID: UInt32

        package init(
            messageType: DHCPLogRecord.MessageType, mac: MACAddress, hostName: Symbol, address: IPv4Address?,
            interface: Symbol, processID: UInt32
        ) {
            self.messageType = messageType
            self.mac = mac
            self.hostName = hostName
            self.address = address
            self.interface = interface
            self.processID = processID
        }
    }
}
