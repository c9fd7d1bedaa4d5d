/// A rule compiled to the integers the matcher compares: masks instead of CIDRs, inclusive port
/// bounds instead of enums, one bit per protocol; plus its id. Kept in one flat array by slot.
/// It is the single source of truth for a stored rule's fields (see `rule(...)`); the index
/// holds a copy of each key's head rule (`CandidateBucket`), and the hit counters are apart
/// (`HitCounters`).
struct CompiledRule: Sendable {
    var id: Int64
    /// The rule's place in evaluation order: smaller keys are evaluated first (see `RuleOrder`).
    var orderKey: UInt64
    /// `Int64.max` for rules that never expire.
    var expiresAt: Int64
    var sourceNetwork: UInt32
    var sourceMask: UInt32
    var destinationNetwork: UInt32
    var destinationMask: UInt32
    var sourcePortLow: UInt16
    var sourcePortHigh: UInt16
    var destinationPortLow: UInt16
    var destinationPortHigh: UInt16
    /// `protocolBit` of every protocol the rule accepts. A rule with ports accepts only TCP and
    /// UDP, which is how `proto any` with a port excludes ICMP without a separate test.
    var protocols: UInt8
    var action: RuleAction

    /// A free slot's record: matches nothing, because no protocol bit is set.
    static let vacant = CompiledRule(
        id: -1, orderKey: 0, expiresAt: 0, sourceNetwork: 0, sourceMask: 0, destinationNetwork: 0,
        destinationMask: 0,
        sourcePortLow: 0, sourcePortHigh: 0, destinationPortLow: 0, destinationPortHigh: 0, protocols: 0,
        action: .drop)

    init(
        id: Int64, orderKey: UInt64, expiresAt: Int64, sourceNetwork: UInt32, sourceMask: UInt32,
        destinationNetwork: UInt32,
        destinationMask: UInt32, sourcePortLow: UInt16, sourcePortHigh: UInt16, destinationPortLow: UInt16,
        destinationPortHigh: UInt16, protocols: UInt8, action: RuleAction
    ) {
        self.id = id
        self.orderKey = orderKey
        self.expiresAt = expiresAt
        self.sourceNetwork = sourceNetwork
        self.sourceMask = sourceMask
        self.destinationNetwork = destinationNetwork
        self.destinationMask = destinationMask
        self.sourcePortLow = sourcePortLow
        self.sourcePortHigh = sourcePortHigh
        self.destinationPortLow = destinationPortLow
        self.destinationPortHigh = destinationPortHigh
        self.protocols = protocols
        self.action = action
    }

    init(_ rule: FirewallRule, orderKey: UInt64) {
        let (sourceNetwork, sourceMask) = Self.networkAndMask(rule.source)
        let (destinationNetwork, destinationMask) = Self.networkAndMask(rule.destination)
        let hasPorts = rule.sourcePort != .any || rule.destinationPort != .any
        var protocols: UInt8 = 0
        for proto in IPProtocol.allCases where rule.proto.contains(proto) {
            if !hasPorts || proto == .tcp || proto == .udp { protocols |= Self.protocolBit(proto) }
        }
        self.init(
            id: rule.id, orderKey: orderKey, expiresAt: rule.expiresAt ?? .max,
            sourceNetwork: sourceNetwork,
            sourceMask: sourceMask, destinationNetwork: destinationNetwork, destinationMask: destinationMask,
            sourcePortLow: rule.sourcePort.bounds.lowerBound, sourcePortHigh: rule.sourcePort.bounds.upperBound,
            destinationPortLow: rule.destinationPort.bounds.lowerBound,
            destinationPortHigh: rule.destinationPort.bounds.upperBound, protocols: protocols, action: rule.action)
    }

    @inline(__always)
    static func protocolBit(_ proto: IPProtocol) -> UInt8 {
        switch proto {
        case .tcp: 1
        case .udp: 2
        case .icmp: 4
        }
    }

    private static func networkAndMask(_ match: AddressMatch) -> (UInt32, UInt32) {
        switch match {
        case .any: (0, 0)
        case .network(let cidr): (cidr.network.value, cidr.mask)
        }
    }

    var sourcePrefixLength: Int { sourceMask.nonzeroBitCount }
    var destinationPrefixLength: Int { destinationMask.nonzeroBitCount }

    /// The single destination port, or nil for ANY and ranges.
    var singleDestinationPort: UInt16? {
        destinationPortLow == destinationPortHigh ? destinationPortLow : nil
    }

    var singleSourcePort: UInt16? { sourcePortLow == sourcePortHigh ? sourcePortLow : nil }

    @inline(__always)
    func matches(_ packet: FiveTuple, protocolBit: UInt8, now: Int64) -> Bool {
        protocols & protocolBit != 0 && packet.source.value & sourceMask == sourceNetwork
            && packet.destination.value & destinationMask == destinationNetwork
            && packet.sourcePort &- sourcePortLow <= sourcePortHigh &- sourcePortLow
            && packet.destinationPort &- destinationPortLow <= destinationPortHigh &- destinationPortLow
            && now < expiresAt
    }

    /// Same match fields and action: the compiled form of `RuleMatchKey` equality, with the
    /// spellings that mean the same (ANY and 0.0.0.0/0, ANY and 0-65535) treated as equal.
    func hasSameMatch(as other: CompiledRule) -> Bool {
        sourceNetwork == other.sourceNetwork && sourceMask == other.sourceMask
            && destinationNetwork == other.destinationNetwork && destinationMask == other.destinationMask
            && sourcePortLow == other.sourcePortLow && sourcePortHigh == other.sourcePortHigh
            && destinationPortLow == other.destinationPortLow && destinationPortHigh == other.destinationPortHigh
            && protocols == other.protocols && action == other.action
    }
}

extension CompiledRule {
    /// The stored rule these fields were compiled from, in canonical form: `0.0.0.0/0` reads
    /// back as ANY and `0-65535` as ANY, the spellings parsing would have produced.
    func rule(position: Int, comment: String, createdAt: Int64, hits: UInt64) -> FirewallRule {
        FirewallRule(
            id: id, position: position, source: Self.addressMatch(sourceNetwork, sourceMask),
            destination: Self.addressMatch(destinationNetwork, destinationMask),
            sourcePort: Self.portMatch(sourcePortLow, sourcePortHigh),
            destinationPort: Self.portMatch(destinationPortLow, destinationPortHigh), proto: protocolMatch,
            action: action, comment: comment, expiresAt: expiresAt == .max ? nil : expiresAt,
            createdAt: createdAt, hits: hits)
    }

    /// Inverse of the protocol bits set by `init(_:orderKey:)`: TCP and UDP together arise only
    /// from `proto any` with ports.
    private var protocolMatch: ProtocolMatch {
        switch protocols {
        case Self.protocolBit(.tcp): .tcp
        case Self.protocolBit(.udp): .udp
        case Self.protocolBit(.icmp): .icmp
        default: .any
        }
    }

    private static func addressMatch(_ network: UInt32, _ mask: UInt32) -> AddressMatch {
        mask == 0 ? .any : .network(IPv4CIDR(network: IPv4Address(network), prefixLength: mask.nonzeroBitCount))
    }

    private static func portMatch(_ low: UInt16, _ high: UInt16) -> PortMatch {
        low == 0 && high == .max ? .any : .range(low, high)
    }
}
