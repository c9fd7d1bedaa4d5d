/// How the attack's sources are laid out inside the external network the seed picks.
package enum AttackerPlacement: Sendable, Hashable {
    /// One address.
    case singleAddress
    /// `activeAddresses` addresses of one /24 at a time, one replaced every `rotationTicks` ticks.
    case rotatingWithin24(activeAddresses: Int, rotationTicks: Int)
}
