import JSONRPC
import SocProtocol

extension DaemonAPI {
    static func registerEvents(_ router: inout RPCRouter<RequestContext>, _ services: DaemonServices) {
        router.register(SubscribeRequest.self) { params, context in
            let topics = Set(params.topics ?? [])
            let id = services.events.subscribe(context.connection, topics: topics)
            let granted = topics.isEmpty ? EventTopic.allCases : EventTopic.allCases.filter(topics.contains)
            return SubscribeRequest.Result(subscription: id, topics: granted)
        }
        router.register(UnsubscribeRequest.self) { params, context in
            guard services.events.unsubscribe(params.subscription, connection: context.connection) else {
                throw RPCError.notFound(
                    "no subscription \(params.subscription) on this connection",
                    ["subscription": .int(params.subscription)])
            }
            return RPCEmptyResult()
        }
    }
}
