/// The conversions from `JSONValue` to Swift primitives that all decoding containers share.
///
/// `path` is an autoclosure so that the member path is only assembled when there is an error.
enum JSONUnboxing {
    static func bool(_ value: JSONValue, at path: @autoclosure () -> [String]) throws(JSONDecodingError) -> Bool {
        guard case .bool(let flag) = value else { throw .typeMismatch(expected: "boolean", got: value, at: path()) }
        return flag
    }

    static func string(_ value: JSONValue, at path: @autoclosure () -> [String]) throws(JSONDecodingError) -> String {
        guard case .string(let string) = value else {
            throw .typeMismatch(expected: "string", got: value, at: path())
        }
        return string
    }

    static func double(_ value: JSONValue, at path: @autoclosure () -> [String]) throws(JSONDecodingError) -> Double {
        switch value {
        case .double(let double): return double
        case .int(let integer): return Double(integer)
        default: throw .typeMismatch(expected: "number", got: value, at: path())
        }
    }

    static func float(_ value: JSONValue, at path: @autoclosure () -> [String]) throws(JSONDecodingError) -> Float {
        let double = try self.double(value, at: path())
        let float = Float(double)
        guard float.isFinite || !double.isFinite else { throw .outOfRange(value, of: "Float", at: path()) }
        return float
    }

    /// Integers come from `.int`, or from an integral `.double` such as `3.0` or `1e3`.
    static func integer<T: FixedWidthInteger>(
        _ value: JSONValue, as type: T.Type = T.self, at path: @autoclosure () -> [String]
    ) throws(JSONDecodingError) -> T {
        switch value {
        case .int(let integer):
            guard let result = T(exactly: integer) else { throw .outOfRange(value, of: "\(T.self)", at: path()) }
            return result
        case .double(let double) where double.isFinite && double.rounded(.towardZero) == double:
            guard let result = T(exactly: double) else { throw .outOfRange(value, of: "\(T.self)", at: path()) }
            return result
        default:
            throw .typeMismatch(expected: "integer", got: value, at: path())
        }
    }
}
