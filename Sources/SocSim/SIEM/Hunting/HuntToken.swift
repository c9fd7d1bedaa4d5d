/// One token of a hunt query.
struct HuntToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A field name, keyword or bare value: a run of anything but spaces, quotes, parentheses
        /// and comparison characters (so `198.51.100.0/24`, `1000-2000` and `/login` are words).
        case word
        /// A quoted value, `"..."` or `'...'`, with `\"`, `\'` and `\\` escapes.
        case string
        case comparison(HuntComparisonOperator)
        case leftParenthesis
        case rightParenthesis
        case end
    }

    var kind: Kind
    /// As written in the query (quotes included).
    var text: String
    /// The value: unquoted and unescaped for strings, `text` otherwise.
    var value: String
    /// 1-based character column of the token's first character.
    var column: Int

    /// Whether this is the bare word `keyword`, in any case.
    func isKeyword(_ keyword: String) -> Bool {
        kind == .word && text.lowercased() == keyword
    }

    var isValue: Bool { kind == .word || kind == .string }
}

/// `=`, `==`, `!=`, `<`, `<=`, `>`, `>=`.
package enum HuntComparisonOperator: String, Sendable, Hashable, Codable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    func holds(_ lhs: Int64, _ rhs: Int64) -> Bool {
        switch self {
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        case .less: lhs < rhs
        case .lessOrEqual: lhs <= rhs
        case .greater: lhs > rhs
        case .greaterOrEqual: lhs >= rhs
        }
    }
}
