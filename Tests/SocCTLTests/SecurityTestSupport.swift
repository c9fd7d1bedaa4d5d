import JSONRPC

/// Replies shaped like socd's SIEM methods, for the fake daemon of the SOC command tests.
enum SecurityReplies {
    static func alert(
        id: Int, severity: String = "high", status: String = "new", detection: String = "request-flood",
        source: String = "198.51.100.238", count: Int = 4, firstTick: Int = 41, lastTick: Int = 191,
        summary: String = "198.51.100.238 sent 300 requests to 10.0.0.10:80 in 50 ticks"
    ) -> JSONValue {
        [
            "id": .int(id), "detection": .string(detection), "title": "Request flood on a web service",
            "severity": .string(severity), "technique": "T1499.002", "techniqueName": "Endpoint Denial of Service",
            "source": .string(source), "firstTick": .int(firstTick), "lastTick": .int(lastTick), "count": .int(count),
            "eventCount": 18067, "summary": .string(summary), "status": .string(status), "evidence": [],
        ]
    }

    static func incident(
        id: Int, title: String = "Request flood on a web service from 198.51.100.238", severity: String = "high",
        status: String = "new", source: String? = "198.51.100.238", ruleIds: [Int] = [],
        timeline: [JSONValue]? = nil
    ) -> JSONValue {
        var members: [String: JSONValue] = [
            "id": .int(id), "title": .string(title), "description": "", "severity": .string(severity),
            "status": .string(status), "tags": [],
            "observables": source.map { [["kind": "ip", "value": .string($0)]] } ?? [],
            "alertIds": [1], "ruleIds": .array(ruleIds.map { .int($0) }), "createdAt": "2024-05-14T09:00:20.000Z",
            "createdTick": 200, "statusSince": "2024-05-14T09:00:20.000Z",
            "metrics": ["timeToDetectMs": 300],
        ]
        if let source {
            members["source"] = .string(source)
            members["detection"] = "request-flood"
        }
        if let timeline { members["timeline"] = .array(timeline) }
        return .object(members)
    }
}
