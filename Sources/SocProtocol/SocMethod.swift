import JSONRPC

/// Whether a method only reads or also changes state; the daemon authorizes and audits by it.
package enum MethodAccess: String, Sendable, Codable {
    /// Anyone who can open the socket may call it.
    case read
    /// Needs uid 0, the daemon's own uid or membership of the admin group; audited.
    case write
}

/// A socd API method: a JSON-RPC method with the documentation `rpc.discover` publishes.
///
/// Adding a method: declare the type in `Methods/`, list it in `SocAPI.methods`, register its
/// handler in the daemon. `rpc.discover` and `clients/openrpc.json` follow from the type.
package protocol SocMethod: RPCMethod {
    /// One line for `rpc.discover` and `socctl help`.
    static var summary: String { get }
    /// Longer documentation, if the summary is not enough.
    static var details: String? { get }
    static var access: MethodAccess { get }
    /// Application errors (`RPCErrorCode`) this method may answer with, beyond the standard ones.
    static var errors: [Int] { get }
    /// A description of the result for the OpenRPC document.
    static var resultName: String { get }
}

extension SocMethod {
    package static var details: String? { nil }
    package static var errors: [Int] { [] }
    package static var resultName: String { "result" }
}
