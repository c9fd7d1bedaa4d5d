import Foundation
import JSONRPC

// The JSON codec against Foundation on the same machine in the same run: parsing a request,
// serializing a response, Codable params and results, and line framing.

private let requestLine = #"{"jsonrpc":"2.0","id":123,"method":"system.ping","params":{}}"#
private let responseValue: JSONValue = ["jsonrpc": "2.0", "id": 123, "result": ["pong": true]]
private let paramsLine =
    #"{"limit":50,"severity":"high","since":1700000000,"hosts":["web-1","db-1"],"acknowledged":false}"#

private struct AlertQueryParams: Codable {
    var limit: Int
    var severity: String?
    var since: Int?
    var hosts: [String]
    var acknowledged: Bool
}

private struct StatusResult: Codable {
    var version: String
    var uptimeSeconds: Double
    var connections: Int
    var ready: Bool
}

private let statusResult = StatusResult(version: "1.0.0", uptimeSeconds: 3723.5, connections: 4, ready: true)

/// Keeps the optimizer from deleting the work being measured.
nonisolated(unsafe) private var benchmarkSink = 0  // Written only by the single benchmark thread.

/// Runs `body` in growing batches until about `seconds` have passed; returns operations per second.
private func measure(seconds: Double = 0.4, _ body: () throws -> Int) rethrows -> Double {
    let clock = ContinuousClock()
    var iterations = 0
    var batch = 64
    var sink = 0
    // Warm-up so that caches and allocator pools are in their steady state.
    for _ in 0..<1000 { sink &+= try body() }
    let start = clock.now
    var elapsed = Duration.zero
    repeat {
        for _ in 0..<batch { sink &+= try body() }
        iterations += batch
        batch = min(batch * 2, 1 << 16)
        elapsed = clock.now - start
    } while elapsed < .seconds(seconds)
    benchmarkSink &+= sink
    let components = elapsed.components
    return Double(iterations) / (Double(components.seconds) + Double(components.attoseconds) * 1e-18)
}

private func grouped(_ value: Double) -> String {
    let digits = String(Int(value.rounded()))
    var result = ""
    for (offset, character) in digits.enumerated() {
        if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
        result.append(character)
    }
    return result
}

private func report(_ name: String, ours: Double, foundation: Double, unit: String = "/s") {
    let label = name.padding(toLength: 26, withPad: " ", startingAt: 0)
    let figure = grouped(ours).leftPadded(to: 12)
    let baseline = grouped(foundation).leftPadded(to: 12)
    let ratio = String(format: "%.1f", ours / foundation)
    print("codec  \(label) \(figure) \(unit)   Foundation \(baseline) \(unit)   \(ratio)x")
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

func runCodecBenchmark() {
    let requestBytes = Array(requestLine.utf8)
    let requestData = Data(requestLine.utf8)
    let paramsBytes = Array(paramsLine.utf8)
    let paramsData = Data(paramsLine.utf8)
    let paramsValue = try! JSONValue(parsing: paramsBytes)
    let responseObject: [String: Any] = ["jsonrpc": "2.0", "id": 123, "result": ["pong": true]]
    let jsonDecoder = JSONDecoder()
    let jsonEncoder = JSONEncoder()
    jsonEncoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let valueDecoder = JSONValueDecoder()
    let valueEncoder = JSONValueEncoder()
    var output: [UInt8] = []
    output.reserveCapacity(256)

    let parse = measure { try! JSONValue(parsing: requestBytes)["id"]?.intValue ?? 0 }
    let parseFoundation = measure {
        let object = try! JSONSerialization.jsonObject(with: requestData) as! [String: Any]
        return object["id"] as! Int
    }
    report("parse request", ours: parse, foundation: parseFoundation)

    let serialize = measure {
        output.removeAll(keepingCapacity: true)
        responseValue.serialize(into: &output)
        return output.count
    }
    let serializeFoundation = measure {
        try! JSONSerialization.data(withJSONObject: responseObject, options: [.sortedKeys, .withoutEscapingSlashes])
            .count
    }
    report("serialize response", ours: serialize, foundation: serializeFoundation)

    let cycle = measure {
        let request = try! JSONValue(parsing: requestBytes)
        output.removeAll(keepingCapacity: true)
        let reply: JSONValue = ["jsonrpc": "2.0", "id": request["id"] ?? nil, "result": ["pong": true]]
        reply.serialize(into: &output)
        return output.count
    }
    let cycleFoundation = measure {
        let request = try! JSONSerialization.jsonObject(with: requestData) as! [String: Any]
        let reply: [String: Any] = ["jsonrpc": "2.0", "id": request["id"]!, "result": ["pong": true]]
        return try! JSONSerialization.data(withJSONObject: reply, options: [.sortedKeys, .withoutEscapingSlashes])
            .count
    }
    report("parse + serialize pair", ours: cycle, foundation: cycleFoundation)

    let decode = measure { try! valueDecoder.decode(AlertQueryParams.self, from: paramsValue).limit }
    let decodeBytes = measure {
        try! valueDecoder.decode(AlertQueryParams.self, from: JSONValue(parsing: paramsBytes)).limit
    }
    let decodeFoundation = measure { try! jsonDecoder.decode(AlertQueryParams.self, from: paramsData).limit }
    report("decode params (value)", ours: decode, foundation: decodeFoundation)
    report("decode params (bytes)", ours: decodeBytes, foundation: decodeFoundation)

    let encode = measure { try! valueEncoder.encode(statusResult).objectValue!.count }
    let encodeBytes = measure {
        output.removeAll(keepingCapacity: true)
        try! valueEncoder.encode(statusResult).serialize(into: &output)
        return output.count
    }
    let encodeFoundation = measure { try! jsonEncoder.encode(statusResult).count }
    report("encode result (value)", ours: encode, foundation: encodeFoundation)
    report("encode result (bytes)", ours: encodeBytes, foundation: encodeFoundation)

    // Framing: 64 KiB reads of request-sized lines.
    var stream: [UInt8] = []
    while stream.count < 1 << 20 { stream += requestBytes + [UInt8(ascii: "\n")] }
    let chunk = 64 << 10
    let megabytes = Double(stream.count) / 1_000_000
    let framing = measure(seconds: 0.5) {
        var framer = LineFramer()
        var lines = 0
        stream.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + chunk, bytes.count)
                framer.append(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
                offset = end
                while let frame = framer.nextFrame() {
                    if case .line(let line) = frame { lines &+= line.count }
                }
            }
        }
        return lines
    }
    let streamData = Data(stream)
    let framingFoundation = measure(seconds: 0.5) {
        // The idiomatic Foundation loop: accumulate reads in Data, cut lines at each newline.
        var pending = Data()
        var lines = 0
        var offset = 0
        while offset < streamData.count {
            let end = min(offset + chunk, streamData.count)
            pending.append(streamData[offset..<end])
            offset = end
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                lines &+= pending[pending.startIndex..<newline].count
                pending.removeSubrange(pending.startIndex...newline)
            }
        }
        return lines
    }
    report("frame lines", ours: framing * megabytes, foundation: framingFoundation * megabytes, unit: "MB/s")

    let pairNanoseconds = 1e9 / parse + 1e9 / serialize
    print(
        "codec  parse request + serialize response: \(String(format: "%.0f", pairNanoseconds)) ns "
            + "(Foundation \(String(format: "%.0f", 1e9 / parseFoundation + 1e9 / serializeFoundation)) ns)")
    if benchmarkSink == 42 { print("") }
}
