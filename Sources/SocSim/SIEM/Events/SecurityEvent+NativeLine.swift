extension SecurityEvent {
    /// The line the source program wrote, rebuilt from the event alone, so evidence and hunt
    /// results can show it after the source record has left its ring. Matches the record's
    /// `nativeLine` character for character (a test holds the two together).
    package func nativeLine(symbols: SymbolTable) -> String {
        let time = CivilTime(epochMilliseconds: timestampMilliseconds)
        let observer = symbols[self.observer]
        let source = sourceIP?.description ?? "0.0.0.0"
        switch detail {
        case .firewall(let firewall):
            var line =
                "\(time.syslogTimestamp) \(observer) kernel: [FW \(firewall.verdict.label)] "
                + "IN=\(symbols[firewall.ingressInterface]) OUT=\(symbols[firewall.egressInterface]) "
                + "SRC=\(source) DST=\(destinationIP?.description ?? "0.0.0.0") LEN=\(firewall.length) "
                + "PROTO=\(transport.rawValue.uppercased())"
            if transport != .icmp {
                line += " SPT=\(sourcePort ?? 0) DPT=\(destinationPort ?? 0)"
            }
            for flag in firewall.tcpFlags.names { line += " \(flag)" }
            return line
        case .webAccess(let web):
            let bytes = web.bodyBytes == 0 ? "-" : String(web.bodyBytes)
            let referrer = web.referrer == .empty ? "-" : symbols[web.referrer]
            return "\(source) - - [\(time.apacheTimestamp)] \"\(symbols[web.method]) \(web.target) HTTP/1.1\" "
                + "\(web.statusCode) \(bytes) \"\(referrer)\" \"\(symbols[web.userAgent])\""
        case .auth(let auth):
            let user = symbols[auth.user]
            let outcome =
                self.outcome == .success
                ? "Accepted password for \(user)"
                : "Failed password for \(auth.userExists ? "" : "invalid user ")\(user)"
            return "\(time.syslogTimestamp) \(observer) sshd[\(auth.processID)]: \(outcome) from \(source) "
                + "port \(sourcePort ?? 0) ssh2"
        case .dns(let dns):
            return "\(time.syslogTimestamp) \(observer) dnsmasq[\(dns.processID)]: query[\(dns.type.rawValue)] "
                + "\(dns.name) from \(source)"
        case .dhcp(let dhcp):
            let client = "\(dhcp.mac) (\(symbols[dhcp.hostName]))"
            let address = dhcp.address?.description ?? "0.0.0.0"
            let detail =
                switch dhcp.messageType {
                case .discover: "from \(client)"
                case .offer, .ack, .nak: "on \(address) to \(client)"
                case .request: "for \(address) from \(client)"
                case .release: "of \(address) from \(client)"
                }
            return "\(time.syslogTimestamp) \(observer) dhcpd[\(dhcp.processID)]: \(dhcp.messageType.rawValue) "
                + "\(detail) via \(symbols[dhcp.interface])"
        }
    }
}
