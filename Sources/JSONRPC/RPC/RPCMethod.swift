/// A JSON-RPC method as a type: its name, its params and its result.
///
/// ```swift
/// struct PingRequest: RPCMethod {
///     static let method = "system.ping"
///     typealias Params = RPCNoParams
///     struct Result: Codable, Sendable { var pong: Bool }
/// }
/// ```
package protocol RPCMethod: Sendable {
    associatedtype Params: Codable & Sendable
    associatedtype Result: Codable & Sendable
    /// `namespace.verb`, lower camel case.
    static var method: String { get }
}

/// The params of a method that takes none. Accepts an absent `params`, `{}` or `[]`; any
/// member is an unknown field, like a misspelt one of a method that has params.
package struct RPCNoParams: Codable, Sendable, Hashable {
    package init() {}
    package init(from decoder: any Decoder) throws {
        // Opening the container is what lets a decoder that rejects unknown keys see the members.
        _ = try decoder.container(keyedBy: NoKeys.self)
    }
    package func encode(to encoder: any Encoder) throws {
        _ = encoder.container(keyedBy: NoKeys.self)
    }
    private enum NoKeys: CodingKey {}
}

/// A result with nothing to say beyond success; encodes as `{}`.
package struct RPCEmptyResult: Codable, Sendable, Hashable {
    package init() {}
    package init(from decoder: any Decoder) throws {}
    package func encode(to encoder: any Encoder) throws {
        _ = encoder.container(keyedBy: NoKeys.self)
    }
    private enum NoKeys: CodingKey {}
}
