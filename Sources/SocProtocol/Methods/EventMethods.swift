import JSONRPC

/// `events.subscribe`: start receiving `events.event` notifications on this connection.
package struct SubscribeRequest: SocMethod {
    package static let method = "events.subscribe"
    package static let summary = "Subscribes this connection to topics; events arrive as events.event notifications."
    package static let details: String? = """
        Each notification carries {subscription, topic, data}. A subscriber that stops reading is \
        disconnected once its unsent output passes the daemon's bound, so read promptly.
        """
    package static let access = MethodAccess.read

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        /// Nil or empty: every topic.
        package var topics: [EventTopic]?
        package init(topics: [EventTopic]? = nil) { self.topics = topics }
        package static let fieldDescriptions = ["topics": "The topics to receive; all of them when absent or empty."]
    }

    package struct Result: Codable, Sendable, Hashable {
        package var subscription: Int
        package var topics: [EventTopic]
        package init(subscription: Int, topics: [EventTopic]) {
            self.subscription = subscription
            self.topics = topics
        }
    }
}

/// `events.unsubscribe`: stop one subscription of this connection.
package struct UnsubscribeRequest: SocMethod {
    package static let method = "events.unsubscribe"
    package static let summary = "Ends a subscription made on this connection."
    package static let access = MethodAccess.read
    package static let errors = [RPCErrorCode.notFound]

    package struct Params: Codable, Sendable, Hashable {
        package var subscription: Int
        package init(subscription: Int) { self.subscription = subscription }
    }

    package typealias Result = RPCEmptyResult
}
