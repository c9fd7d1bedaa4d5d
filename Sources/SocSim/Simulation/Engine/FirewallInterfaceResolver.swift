/// `NetworkTopology.firewallInterfaces(for:)` with the router's address and LAN read once, since
/// the tick loop asks for every packet.
struct FirewallInterfaceResolver: Sendable {
    let lan: IPv4CIDR
    let router: IPv4Address?
    let lanInterface: String
    let wanInterface: String

    init(topology: NetworkTopology) {
        lan = topology.lan
        router = topology.router?.address
        lanInterface = topology.lanInterface
        wanInterface = topology.wanInterface
    }

    @inline(__always)
    func interface(toward address: IPv4Address) -> String {
        lan.contains(address) || address == .unspecified || address == .limitedBroadcast ? lanInterface : wanInterface
    }

    @inline(__always)
    func interfaces(for tuple: FiveTuple) -> (ingress: String, egress: String) {
        let toRouter = tuple.destination == router || tuple.destination == .limitedBroadcast
        return (interface(toward: tuple.source), toRouter ? "" : interface(toward: tuple.destination))
    }
}
