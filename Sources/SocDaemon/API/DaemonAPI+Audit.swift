import JSONRPC
import SocProtocol

extension DaemonAPI {
    static func registerAudit(_ router: inout RPCRouter<RequestContext>, _ services: DaemonServices) {
        router.register(AuditListRequest.self) { params, _ in
            try services.audit.list(params)
        }
    }
}
