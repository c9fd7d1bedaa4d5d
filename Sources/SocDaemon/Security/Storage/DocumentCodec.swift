import JSONRPC

/// JSON text for the SIEM's stored documents (alerts, incidents), through the wire's own codec:
/// the same stable field names the core's Codable types declare, without Foundation.
enum DocumentCodec {
    static func encode(_ value: some Encodable) throws -> String {
        var bytes: [UInt8] = []
        try JSONValueEncoder().encode(value).serialize(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONValueDecoder().decode(type, from: try JSONValue(parsing: text))
    }
}
