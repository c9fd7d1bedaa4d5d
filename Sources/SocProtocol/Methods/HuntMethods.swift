import JSONRPC

/// `logs.query`: a threat hunt over the SIEM's retained events.
package struct LogsQueryRequest: SocMethod {
    package static let method = "logs.query"
    package static let summary =
        "Hunts the SIEM's retained events with a query; with groupBy, counts per value (top N)."
    package static let details: String? = """
        Query syntax: FIELD=VALUE, FIELD!=VALUE, FIELD<N (<=, >, >=), FIELD in CIDR, FIELD in LO-HI, \
        FIELD contains TEXT, joined with and, or, not and parentheses; `source=firewall` narrows to a data \
        source. A query that does not parse gets invalid params with the column and a caret line in data.
        """
    package static let access = MethodAccess.read
    package static let maximumLimit = 10_000

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var source: String?
        package var `where`: String
        package var sinceTick: Int?
        package var untilTick: Int?
        package var limit: Int?
        package var groupBy: [String]?
        package var orderBy: String?
        package init(
            source: String? = nil, where condition: String, sinceTick: Int? = nil, untilTick: Int? = nil,
            limit: Int? = nil, groupBy: [String]? = nil, orderBy: String? = nil
        ) {
            self.source = source
            self.where = condition
            self.sinceTick = sinceTick
            self.untilTick = untilTick
            self.limit = limit
            self.groupBy = groupBy
            self.orderBy = orderBy
        }
        package static let fieldDescriptions = [
            "source": "Only this data source: firewall, web.access, auth, dns or dhcp.",
            "where": "The query; empty matches every event.",
            "sinceTick": "Only events from this tick on.",
            "untilTick": "Only events up to this tick.",
            "limit": "At most this many events or groups (1-10000, default 100).",
            "groupBy": "ECS fields to count distinct values of.",
            "orderBy": "FIELD [asc|desc], or count with groupBy (the default then).",
        ]
    }

    package struct Result: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var scanned: Int
        package var matched: Int
        package var events: [HuntEventInfo]?
        package var groupBy: [String]?
        package var groups: [HuntGroupInfo]?
        package var distinctGroups: Int?
        package init(
            scanned: Int, matched: Int, events: [HuntEventInfo]?, groupBy: [String]?, groups: [HuntGroupInfo]?,
            distinctGroups: Int?
        ) {
            self.scanned = scanned
            self.matched = matched
            self.events = events
            self.groupBy = groupBy
            self.groups = groups
            self.distinctGroups = distinctGroups
        }
        package static let fieldDescriptions = [
            "scanned": "Events in the searched range.",
            "matched": "Events the query matched.",
            "events": "Without groupBy: the matching events (newest limit, or first by orderBy).",
            "groups": "With groupBy: the top groups.",
            "distinctGroups": "With groupBy: how many distinct groups there were.",
        ]
    }
}

/// `hunts.save`: keep a query under a name.
package struct HuntsSaveRequest: SocMethod {
    package static let method = "hunts.save"
    package static let summary = "Saves a hunt under a name (replacing one of that name); the query must parse."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable {
        package var name: String
        package var query: String
        package var groupBy: [String]?
        package init(name: String, query: String, groupBy: [String]? = nil) {
            self.name = name
            self.query = query
            self.groupBy = groupBy
        }
    }

    package typealias Result = SavedHuntInfo
}

/// `hunts.list`: the saved hunts.
package struct HuntsListRequest: SocMethod {
    package static let method = "hunts.list"
    package static let summary = "The saved hunts, by name."
    package static let access = MethodAccess.read
    package typealias Params = RPCNoParams

    package struct Result: Codable, Sendable, Hashable {
        package var hunts: [SavedHuntInfo]
        package init(hunts: [SavedHuntInfo]) { self.hunts = hunts }
    }
}

/// `hunts.run`: run a saved hunt.
package struct HuntsRunRequest: SocMethod {
    package static let method = "hunts.run"
    package static let summary = "Runs a saved hunt over the retained events, as logs.query would."
    package static let access = MethodAccess.read
    package static let errors = [RPCErrorCode.notFound]

    package struct Params: Codable, Sendable, Hashable {
        package var name: String
        package var limit: Int?
        package init(name: String, limit: Int? = nil) {
            self.name = name
            self.limit = limit
        }
    }

    package typealias Result = LogsQueryRequest.Result
}

/// `hunts.delete`: forget a saved hunt.
package struct HuntsDeleteRequest: SocMethod {
    package static let method = "hunts.delete"
    package static let summary = "Deletes a saved hunt."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.notFound, RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable {
        package var name: String
        package init(name: String) { self.name = name }
    }

    package struct Result: Codable, Sendable, Hashable {
        package var deleted: String
        package init(deleted: String) { self.deleted = deleted }
    }
}
