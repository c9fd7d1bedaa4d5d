extension SecurityEvent {
    /// The field's value, or nil when this event has no such field: the same answers the source
    /// record's `field(_:)` gives, in event form. `.message` renders the native line.
    package func value(of field: ECSField, symbols: SymbolTable) -> EventValue? {
        switch field {
        case .timestamp: return .integer(timestampMilliseconds)
        case .message: return .text(nativeLine(symbols: symbols))
        case .eventDataset: return .text(dataset.rawValue)
        case .eventAction: return .symbol(action)
        case .eventOutcome: return .symbol(outcome)
        case .observerName: return .symbol(observer)
        case .sourceIP: return sourceIP.map { .address($0) }
        case .sourcePort: return sourcePort.map { .integer(Int64($0)) }
        case .destinationIP: return destinationIP.map { .address($0) }
        case .destinationPort: return destinationPort.map { .integer(Int64($0)) }
        case .networkTransport: return .text(transport.rawValue)
        default: break
        }
        switch detail {
        case .firewall(let firewall):
            switch field {
            case .observerIngressInterfaceName: return .symbol(firewall.ingressInterface)
            case .observerEgressInterfaceName:
                return firewall.egressInterface == .empty ? nil : .symbol(firewall.egressInterface)
            case .ruleID: return firewall.ruleID.map { .integer($0) }
            case .networkBytes: return .integer(Int64(firewall.length))
            default: return nil
            }
        case .webAccess(let web):
            switch field {
            case .httpRequestMethod: return .symbol(web.method)
            case .httpRequestReferrer: return web.referrer == .empty ? nil : .symbol(web.referrer)
            case .httpResponseStatusCode: return .integer(Int64(web.statusCode))
            case .httpResponseBodyBytes: return .integer(Int64(web.bodyBytes))
            case .httpVersion: return .text("1.1")
            case .urlOriginal: return .text(web.target)
            case .urlPath: return .text(String(web.path))
            case .urlQuery: return web.query.map { .text(String($0)) }
            case .userAgentOriginal: return .symbol(web.userAgent)
            default: return nil
            }
        case .auth(let auth):
            switch field {
            case .userName: return .symbol(auth.user)
            case .processName: return .text("sshd")
            case .processPID: return .integer(Int64(auth.processID))
            default: return nil
            }
        case .dns(let dns):
            switch field {
            case .dnsQuestionName: return .text(dns.name)
            case .dnsQuestionType: return .text(dns.type.rawValue)
            case .processName: return .text("dnsmasq")
            case .processPID: return .integer(Int64(dns.processID))
            default: return nil
            }
        case .dhcp(let dhcp):
            switch field {
            case .observerIngressInterfaceName: return .symbol(dhcp.interface)
            case .hostName: return .symbol(dhcp.hostName)
            case .hostMAC: return .mac(dhcp.mac)
            case .hostIP: return dhcp.address.map { .address($0) }
            case .processName: return .text("dhcpd")
            case .processPID: return .integer(Int64(dhcp.processID))
            default: return nil
            }
        }
    }

    /// The text of a string-valued field without building an `EventValue`: symbols resolve to the
    /// table's stored string, so `contains` and text equality allocate nothing for them.
    package func text(of field: ECSField, symbols: SymbolTable) -> Substring? {
        switch value(of: field, symbols: symbols) {
        case .symbol(let symbol): symbols[symbol][...]
        case .text(let text): text[...]
        default: nil
        }
    }
}
