import JSONRPC
import SocProtocol

/// Builds the method table from `SocAPI`'s types and the daemon's services.
///
/// Each namespace registers its handlers in its own `DaemonAPI+Namespace.swift`. The router is
/// checked against the registry at start, so a method cannot be declared without a handler or
/// served without being declared.
package enum DaemonAPI {
    package static func makeRouter(_ services: DaemonServices) -> RPCRouter<RequestContext> {
        var router = RPCRouter<RequestContext>()
        registerSystem(&router, services)
        registerEvents(&router, services)
        registerAudit(&router, services)
        registerRules(&router, services)
        registerSimulation(&router, services)
        registerHunting(&router, services)
        registerSecurity(&router, services)
        registerIncidents(&router, services)
        registerIntel(&router, services)
        let declared = Set(SocAPI.methods.map { $0.method })
        let served = Set(router.methods)
        precondition(
            declared == served,
            "SocAPI and the daemon disagree: declared only \(declared.subtracting(served).sorted()), "
                + "served only \(served.subtracting(declared).sorted())")
        return router
    }
}
