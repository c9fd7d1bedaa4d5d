/// Recursive descent over the query grammar:
///
/// ```
/// query      := or? END
/// or         := and ("or" and)*
/// and        := unary ("and" unary)*
/// unary      := "not" unary | "(" or ")" | comparison
/// comparison := FIELD ("=" | "==" | "!=" | "<" | "<=" | ">" | ">=") VALUE
///             | FIELD "in" (CIDR | ADDRESS | LOW-HIGH)
///             | FIELD "contains" VALUE
/// ```
/// Keywords are case-insensitive; a value that is a keyword must be quoted. `source` (and
/// `event.dataset`) select the data source. Every error names the token and its column.
struct HuntParser {
    private let tokens: [HuntToken]
    private var position = 0

    static func parse(_ query: String) throws(HuntQueryError) -> HuntExpression {
        var parser = HuntParser(tokens: try HuntTokenizer.tokens(of: query))
        if parser.current.kind == .end { return .all }
        let expression = try parser.parseOr()
        guard parser.current.kind == .end else {
            throw .unexpected(parser.current, expected: "'and', 'or' or the end of the query")
        }
        return expression
    }

    private init(tokens: [HuntToken]) { self.tokens = tokens }

    private var current: HuntToken { tokens[position] }

    private mutating func advance() -> HuntToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func parseOr() throws(HuntQueryError) -> HuntExpression {
        var expression = try parseAnd()
        while current.isKeyword("or") {
            _ = advance()
            expression = .or(expression, try parseAnd())
        }
        return expression
    }

    private mutating func parseAnd() throws(HuntQueryError) -> HuntExpression {
        var expression = try parseUnary()
        while current.isKeyword("and") {
            _ = advance()
            expression = .and(expression, try parseUnary())
        }
        return expression
    }

    private mutating func parseUnary() throws(HuntQueryError) -> HuntExpression {
        if current.isKeyword("not") {
            _ = advance()
            return .not(try parseUnary())
        }
        if current.kind == .leftParenthesis {
            _ = advance()
            let inner = try parseOr()
            guard current.kind == .rightParenthesis else {
                throw .unexpected(current, expected: "')'")
            }
            _ = advance()
            return inner
        }
        return try parseComparison()
    }

    private static let keywords: Set<String> = ["and", "or", "not", "in", "contains"]

    private mutating func parseComparison() throws(HuntQueryError) -> HuntExpression {
        let fieldToken = current
        guard fieldToken.kind == .word, !Self.keywords.contains(fieldToken.text.lowercased()) else {
            throw .unexpected(fieldToken, expected: "a field name")
        }
        _ = advance()
        let name = fieldToken.text
        let isDataset = name.lowercased() == "source" || name == ECSField.eventDataset.rawValue
        guard isDataset || ECSField(rawValue: name) != nil else {
            throw .at(fieldToken, "unknown field '\(name)'")
        }
        let operatorToken = advance()
        switch operatorToken.kind {
        case .comparison(let comparison):
            let valueToken = try expectValue()
            if isDataset { return try datasetComparison(comparison, operatorToken, valueToken) }
            return try Self.comparison(ECSField(rawValue: name)!, comparison, operatorToken, valueToken)
        case .word where operatorToken.isKeyword("in"):
            guard !isDataset else { throw .at(operatorToken, "'in' does not apply to \(name); use = or !=") }
            let valueToken = try expectValue()
            return try Self.membership(ECSField(rawValue: name)!, valueToken, operatorToken)
        case .word where operatorToken.isKeyword("contains"):
            guard !isDataset else { throw .at(operatorToken, "'contains' does not apply to \(name); use = or !=") }
            let field = ECSField(rawValue: name)!
            let kind = HuntFieldKind(field)
            guard kind == .text || kind == .symbol else {
                throw .at(operatorToken, "'contains' does not apply to \(name) (\(kind.noun)); use = or !=")
            }
            return .textContains(field, try expectValue().value)
        default:
            throw .unexpected(operatorToken, expected: "an operator (=, !=, <, <=, >, >=, in, contains)")
        }
    }

    private mutating func expectValue() throws(HuntQueryError) -> HuntToken {
        let token = current
        guard token.kind == .string || (token.kind == .word && !Self.keywords.contains(token.text.lowercased())) else {
            throw .unexpected(token, expected: "a value")
        }
        return advance()
    }

    private func datasetComparison(
        _ comparison: HuntComparisonOperator, _ operatorToken: HuntToken, _ valueToken: HuntToken
    ) throws(HuntQueryError) -> HuntExpression {
        guard comparison == .equal || comparison == .notEqual else {
            throw .at(operatorToken, "'\(operatorToken.text)' does not apply to the data source; use = or !=")
        }
        let name = valueToken.value.lowercased()
        guard let dataset = LogDataset(rawValue: name) ?? (name == "web" ? .webAccess : nil) else {
            throw .invalid(
                valueToken, "expected a data source (\(LogDataset.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return .dataset(dataset, equal: comparison == .equal)
    }

    private static func comparison(
        _ field: ECSField, _ comparison: HuntComparisonOperator, _ operatorToken: HuntToken, _ valueToken: HuntToken
    ) throws(HuntQueryError) -> HuntExpression {
        let kind = HuntFieldKind(field)
        let isEquality = comparison == .equal || comparison == .notEqual
        guard isEquality || kind == .integer else {
            throw .at(
                operatorToken, "'\(operatorToken.text)' compares numbers, and \(field.rawValue) is \(kind.noun)")
        }
        let value = valueToken.value
        switch kind {
        case .address:
            guard let address = IPv4Address(value) else {
                throw .invalid(valueToken, "\(field.rawValue) needs an IPv4 address (use 'in' for a CIDR)")
            }
            return .addressIn(field, IPv4CIDR(network: address, prefixLength: 32), equal: comparison == .equal)
        case .integer:
            guard let number = Int64(value) else { throw .invalid(valueToken, "\(field.rawValue) needs a number") }
            return .integer(field, comparison, number)
        case .mac:
            guard let mac = MACAddress(value) else {
                throw .invalid(valueToken, "\(field.rawValue) needs a MAC address")
            }
            return .macEquals(mac, equal: comparison == .equal)
        case .text, .symbol:
            return .textEquals(field, value, equal: comparison == .equal)
        }
    }

    private static func membership(
        _ field: ECSField, _ valueToken: HuntToken, _ operatorToken: HuntToken
    )
        throws(HuntQueryError) -> HuntExpression
    {
        let value = valueToken.value
        switch HuntFieldKind(field) {
        case .address:
            guard let network = IPv4CIDR(value) else {
                throw .invalid(valueToken, "\(field.rawValue) in needs a CIDR such as 198.51.100.0/24")
            }
            return .addressIn(field, network, equal: true)
        case .integer:
            let parts = value.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let low = Int64(parts[0]), let high = Int64(parts[1]), low <= high else {
                throw .invalid(valueToken, "\(field.rawValue) in needs a range LOW-HIGH such as 1000-2000")
            }
            return .integerRange(field, low...high)
        case .text, .symbol, .mac:
            throw .at(
                operatorToken,
                "'in' does not apply to \(field.rawValue) (\(HuntFieldKind(field).noun)); use =, != or contains")
        }
    }
}
