import Testing

@testable import SocSim

@Suite struct SimLogRenderingTests {
    /// 2024-03-05T08:05:06.250Z: a single-digit day exercises syslog's space padding.
    let march5 = Int64(1_709_625_906_250)
    let attacker = IPv4Address(203, 0, 113, 7)
    let server = IPv4Address(10, 0, 0, 10)
    let workstation = IPv4Address(10, 0, 0, 21)
    let mac = MACAddress(0x5254_0012_3456)

    @Test func civilTimeConvertsEpochMilliseconds() {
        let leapDay = CivilTime(epochMilliseconds: 951_782_400_000)
        #expect((leapDay.year, leapDay.month, leapDay.day) == (2000, 2, 29))
        let beforeEpoch = CivilTime(epochMilliseconds: -1)
        #expect(beforeEpoch.iso8601 == "1969-12-31T23:59:59.999Z")
        let time = CivilTime(epochMilliseconds: march5)
        #expect(time.iso8601 == "2024-03-05T08:05:06.250Z")
        #expect(time.syslogTimestamp == "Mar  5 08:05:06")
        #expect(time.apacheTimestamp == "05/Mar/2024:08:05:06 +0000")
        #expect(CivilTime(epochMilliseconds: 1_715_677_201_000).syslogTimestamp == "May 14 09:00:01")
    }

    func firewallRecord(action: PacketVerdict.Action, ruleID: Int64?) -> FirewallLogRecord {
        FirewallLogRecord(
            tick: 42, timestampMilliseconds: march5, packetID: 9, observer: "router",
            tuple: FiveTuple(
                source: attacker, destination: server, sourcePort: 51234, destinationPort: 80, proto: .tcp),
            length: 412, tcpFlags: .data, verdict: PacketVerdict(action: action, ruleID: ruleID),
            ingressInterface: "eth0", egressInterface: "eth1")
    }

    @Test func firewallLineIsIptablesStyle() {
        #expect(
            firewallRecord(action: .drop, ruleID: 3).nativeLine
                == "Mar  5 08:05:06 router kernel: [FW DROP] IN=eth0 OUT=eth1 SRC=203.0.113.7 DST=10.0.0.10 LEN=412 "
                + "PROTO=TCP SPT=51234 DPT=80 ACK PSH")
        let dns = FirewallLogRecord(
            tick: 1, timestampMilliseconds: march5, packetID: 1, observer: "router",
            tuple: FiveTuple(
                source: workstation, destination: IPv4Address(10, 0, 0, 1), sourcePort: 40000, destinationPort: 53,
                proto: .udp),
            length: 71, tcpFlags: [], verdict: .acceptByPolicy, ingressInterface: "eth1", egressInterface: "")
        #expect(
            dns.nativeLine
                == "Mar  5 08:05:06 router kernel: [FW ACCEPT] IN=eth1 OUT= SRC=10.0.0.21 DST=10.0.0.1 LEN=71 PROTO=UDP "
                + "SPT=40000 DPT=53")
    }

    @Test func firewallRecordCarriesECSFields() {
        let record = firewallRecord(action: .drop, ruleID: 3)
        #expect(record.field(named: "@timestamp") == .integer(march5))
        #expect(record.field(named: "event.dataset") == .string("firewall"))
        #expect(record.field(named: "event.action") == .string("drop"))
        #expect(record.field(named: "event.outcome") == .string("failure"))
        #expect(record.field(named: "source.ip") == .address(attacker))
        #expect(record.field(named: "source.port") == .integer(51234))
        #expect(record.field(named: "destination.ip") == .address(server))
        #expect(record.field(named: "destination.port") == .integer(80))
        #expect(record.field(named: "network.transport") == .string("tcp"))
        #expect(record.field(named: "rule.id") == .integer(3))
        #expect(record.field(named: "observer.ingress.interface.name") == .string("eth0"))
        #expect(record.field(named: "message") == .string(record.nativeLine))
        #expect(record.field(named: "dns.question.name") == nil)
        #expect(record.field(named: "no.such.field") == nil)
        #expect(firewallRecord(action: .accept, ruleID: nil).field(.ruleID) == nil)
    }

    @Test func webAccessLineIsApacheCombined() {
        let record = WebAccessLogRecord(
            tick: 42, timestampMilliseconds: march5, observer: "web-server", client: attacker, clientPort: 51234,
            server: server, serverPort: 80, method: .get, target: "/search?q=a", statusCode: 503, bodyBytes: 299,
            referrer: nil, userAgent: "curl/8.5.0")
        #expect(
            record.nativeLine
                == "203.0.113.7 - - [05/Mar/2024:08:05:06 +0000] \"GET /search?q=a HTTP/1.1\" 503 299 \"-\" \"curl/8.5.0\""
        )
        #expect(record.field(.httpRequestMethod) == .string("GET"))
        #expect(record.field(.urlPath) == .string("/search"))
        #expect(record.field(.urlQuery) == .string("q=a"))
        #expect(record.field(.urlOriginal) == .string("/search?q=a"))
        #expect(record.field(.httpResponseStatusCode) == .integer(503))
        #expect(record.field(.eventOutcome) == .string("failure"))
        #expect(record.field(.userAgentOriginal) == .string("curl/8.5.0"))
        #expect(record.field(.eventDataset) == .string("web.access"))

        let redirect = WebAccessLogRecord(
            tick: 42, timestampMilliseconds: march5, observer: "web-server", client: workstation, clientPort: 40000,
            server: server, serverPort: 443, method: .post, target: "/login", statusCode: 302, bodyBytes: 0,
            referrer: "http://shop.example.com/login", userAgent: "Mozilla/5.0")
        #expect(
            redirect.nativeLine
                == "10.0.0.21 - - [05/Mar/2024:08:05:06 +0000] \"POST /login HTTP/1.1\" 302 - "
                + "\"http://shop.example.com/login\" \"Mozilla/5.0\"")
        #expect(redirect.field(.urlQuery) == nil)
    }

    @Test func authLinesAreSshd() {
        func record(user: String, exists: Bool, succeeded: Bool) -> AuthLogRecord {
            AuthLogRecord(
                tick: 1, timestampMilliseconds: march5, observer: "web-server", processID: 2314, user: user,
                userExists: exists, succeeded: succeeded, client: workstation, clientPort: 51234)
        }
        #expect(
            record(user: "admin", exists: true, succeeded: false).nativeLine
                == "Mar  5 08:05:06 web-server sshd[2314]: Failed password for admin from 10.0.0.21 port 51234 ssh2")
        #expect(
            record(user: "oracle", exists: false, succeeded: false).nativeLine
                == "Mar  5 08:05:06 web-server sshd[2314]: Failed password for invalid user oracle from 10.0.0.21 port 51234 ssh2"
        )
        let accepted = record(user: "admin", exists: true, succeeded: true)
        #expect(
            accepted.nativeLine
                == "Mar  5 08:05:06 web-server sshd[2314]: Accepted password for admin from 10.0.0.21 port 51234 ssh2")
        #expect(accepted.field(.userName) == .string("admin"))
        #expect(accepted.field(.eventOutcome) == .string("success"))
        #expect(accepted.field(.sourceIP) == .address(workstation))
        #expect(accepted.field(.processPID) == .integer(2314))
        #expect(accepted.field(.eventDataset) == .string("auth"))
    }

    @Test func dnsLineIsDnsmasq() {
        let record = DNSQueryLogRecord(
            tick: 1, timestampMilliseconds: march5, observer: "router", processID: 612, name: "example.com", type: .a,
            client: workstation, clientPort: 40000, resolver: IPv4Address(10, 0, 0, 1))
        #expect(record.nativeLine == "Mar  5 08:05:06 router dnsmasq[612]: query[A] example.com from 10.0.0.21")
        #expect(record.field(.dnsQuestionName) == .string("example.com"))
        #expect(record.field(.dnsQuestionType) == .string("A"))
        #expect(record.field(.sourceIP) == .address(workstation))
        #expect(record.field(.eventDataset) == .string("dns"))
    }

    @Test func dhcpLinesAreIscDhcpd() {
        func record(_ type: DHCPLogRecord.MessageType, _ address: IPv4Address?) -> DHCPLogRecord {
            DHCPLogRecord(
                tick: 1, timestampMilliseconds: march5, observer: "router", processID: 701, messageType: type,
                clientMAC: mac, clientHostName: "workstation-1", address: address, interface: "eth1")
        }
        let prefix = "Mar  5 08:05:06 router dhcpd[701]: "
        #expect(
            record(.discover, nil).nativeLine == prefix + "DHCPDISCOVER from 52:54:00:12:34:56 (workstation-1) via eth1"
        )
        #expect(
            record(.offer, workstation).nativeLine
                == prefix + "DHCPOFFER on 10.0.0.21 to 52:54:00:12:34:56 (workstation-1) via eth1")
        #expect(
            record(.request, workstation).nativeLine
                == prefix + "DHCPREQUEST for 10.0.0.21 from 52:54:00:12:34:56 (workstation-1) via eth1")
        let ack = record(.ack, workstation)
        #expect(ack.nativeLine == prefix + "DHCPACK on 10.0.0.21 to 52:54:00:12:34:56 (workstation-1) via eth1")
        #expect(ack.field(.hostMAC) == .mac(mac))
        #expect(ack.field(.hostMAC)?.description == "52-54-00-12-34-56")
        #expect(ack.field(.hostName) == .string("workstation-1"))
        #expect(ack.field(.hostIP) == .address(workstation))
        #expect(ack.field(.eventAction) == .string("dhcpack"))
        #expect(ack.field(.eventDataset) == .string("dhcp"))
    }

    @Test func macAddressParsesBothNotations() {
        #expect(MACAddress("52:54:00:12:34:56") == mac)
        #expect(MACAddress("52-54-00-12-34-56") == mac)
        #expect(MACAddress("52:54:00:12:34") == nil)
        #expect(MACAddress("52:54:00:12:34:5g") == nil)
    }

    @Test func everyECSFieldNameResolves() {
        for field in ECSField.allCases {
            #expect(ECSField(rawValue: field.rawValue) == field)
        }
        let record = LogRecord.firewall(firewallRecord(action: .reject, ruleID: 1))
        #expect(record.field(named: "event.action") == .string("reject"))
        #expect(record.dataset == .firewall)
        #expect(record.fields.contains { $0.0 == .sourceIP && $0.1 == .address(attacker) })
        #expect(record.nativeLine.contains("[FW REJECT]"))
    }
}
