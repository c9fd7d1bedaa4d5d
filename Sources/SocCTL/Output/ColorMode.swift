/// Whether output is coloured: decided from the terminal and environment, or forced either way
/// (for a `--color` option).
package enum ColorMode: Sendable, Hashable {
    case automatic
    case always
    case never
}
