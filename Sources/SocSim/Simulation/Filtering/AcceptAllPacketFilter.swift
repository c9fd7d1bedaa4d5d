/// A firewall without rules: the default ACCEPT policy decides everything.
package struct AcceptAllPacketFilter: PacketFilter, Sendable {
    package init() {}

    @inline(__always)
    package func decide(_ packet: FiveTuple, nowMilliseconds: Int64) -> PacketVerdict { .acceptByPolicy }
}
