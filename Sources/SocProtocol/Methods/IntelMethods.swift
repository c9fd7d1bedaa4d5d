import JSONRPC

/// `intel.add`: one indicator.
package struct IntelAddRequest: SocMethod {
    package static let method = "intel.add"
    package static let summary =
        "Adds a threat-intel indicator (ip, cidr, domain, url or sha256); the same value replaces."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var type: String?
        package var value: String
        package var source: String?
        package var confidence: Int?
        package var tags: [String]?
        package var ttl: ScalarInput?
        package init(
            type: String? = nil, value: String, source: String? = nil, confidence: Int? = nil, tags: [String]? = nil,
            ttl: ScalarInput? = nil
        ) {
            self.type = type
            self.value = value
            self.source = source
            self.confidence = confidence
            self.tags = tags
            self.ttl = ttl
        }
        package static let fieldDescriptions = [
            "type": "ip, cidr, domain, url or sha256; detected from the value when absent.",
            "source": "Where it came from (a feed's name).",
            "confidence": "0-100 (default 50).",
            "ttl": "Lifetime: seconds, or \"30m\", \"4h\", \"1d\"; permanent without it.",
        ]
    }

    package typealias Result = IndicatorInfo
}

/// `intel.list`: the indicators.
package struct IntelListRequest: SocMethod {
    package static let method = "intel.list"
    package static let summary = "The threat-intel indicators, by id."
    package static let access = MethodAccess.read

    package struct Params: Codable, Sendable, Hashable {
        package var type: String?
        package var limit: Int?
        package var offset: Int?
        package init(type: String? = nil, limit: Int? = nil, offset: Int? = nil) {
            self.type = type
            self.limit = limit
            self.offset = offset
        }
    }

    package struct Result: Codable, Sendable, Hashable {
        package var indicators: [IndicatorInfo]
        package var total: Int
        package init(indicators: [IndicatorInfo], total: Int) {
            self.indicators = indicators
            self.total = total
        }
    }
}

/// `intel.delete`: remove an indicator.
package struct IntelDeleteRequest: SocMethod {
    package static let method = "intel.delete"
    package static let summary = "Deletes a threat-intel indicator."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.notFound, RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable {
        package var id: Int
        package init(id: Int) { self.id = id }
    }

    package typealias Result = IndicatorInfo
}

/// `intel.import`: a feed, all or nothing.
package struct IntelImportRequest: SocMethod {
    package static let method = "intel.import"
    package static let summary = "Imports a feed (plain list, CSV with a header, or a STIX 2.1 bundle), all or nothing."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var format: String
        package var content: String
        package var source: String?
        package var confidence: Int?
        package init(format: String, content: String, source: String? = nil, confidence: Int? = nil) {
            self.format = format
            self.content = content
            self.source = source
            self.confidence = confidence
        }
        package static let fieldDescriptions = [
            "format": "plain, csv or stix.",
            "content": "The feed's text.",
            "source": "Source for indicators that name none.",
            "confidence": "Confidence for indicators that give none (default 50).",
        ]
    }

    package struct Result: Codable, Sendable, Hashable {
        package var imported: Int
        package init(imported: Int) { self.imported = imported }
    }
}

/// `intel.check`: is a value known bad?
package struct IntelCheckRequest: SocMethod {
    package static let method = "intel.check"
    package static let summary = "Checks a value (address, domain, URL, hash) against the indicators."
    package static let access = MethodAccess.read

    package struct Params: Codable, Sendable, Hashable {
        package var value: String
        package init(value: String) { self.value = value }
    }

    package struct Result: Codable, Sendable, Hashable {
        package var value: String
        package var matched: Bool
        package var indicator: IndicatorInfo?
        package init(value: String, matched: Bool, indicator: IndicatorInfo?) {
            self.value = value
            self.matched = matched
            self.indicator = indicator
        }
    }
}
