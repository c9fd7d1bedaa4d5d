import JSONRPC

/// `rpc.discover`: the OpenRPC document describing every method, generated from `SocAPI`.
package struct DiscoverRequest: SocMethod {
    package static let method = "rpc.discover"
    package static let summary = "The OpenRPC 1.2 document of this API, generated from the method registry."
    package static let access = MethodAccess.read
    package static let resultName = "OpenRPC document"
    package typealias Params = RPCNoParams
    package typealias Result = JSONValue
}
