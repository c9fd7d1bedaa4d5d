/// Splits a hunt query into tokens, each with its column.
enum HuntTokenizer {
    static func tokens(of query: String) throws(HuntQueryError) -> [HuntToken] {
        let characters = Array(query)
        var tokens: [HuntToken] = []
        var index = 0
        func token(_ kind: HuntToken.Kind, from start: Int, value: String? = nil) -> HuntToken {
            let text = String(characters[start..<index])
            return HuntToken(kind: kind, text: text, value: value ?? text, column: start + 1)
        }
        while index < characters.count {
            let character = characters[index]
            let start = index
            switch character {
            case _ where character.isWhitespace:
                index += 1
            case "(":
                index += 1
                tokens.append(token(.leftParenthesis, from: start))
            case ")":
                index += 1
                tokens.append(token(.rightParenthesis, from: start))
            case "=":
                index += 1
                if index < characters.count && characters[index] == "=" { index += 1 }
                tokens.append(token(.comparison(.equal), from: start))
            case "!":
                index += 1
                guard index < characters.count && characters[index] == "=" else {
                    throw HuntQueryError(
                        message: "unexpected '!' at column \(start + 1); did you mean '!=' or 'not'?",
                        column: start + 1)
                }
                index += 1
                tokens.append(token(.comparison(.notEqual), from: start))
            case "<", ">":
                index += 1
                let orEqual = index < characters.count && characters[index] == "="
                if orEqual { index += 1 }
                let comparison: HuntComparisonOperator =
                    character == "<" ? (orEqual ? .lessOrEqual : .less) : (orEqual ? .greaterOrEqual : .greater)
                tokens.append(token(.comparison(comparison), from: start))
            case "\"", "'":
                index += 1
                var value = ""
                var closed = false
                while index < characters.count {
                    let next = characters[index]
                    index += 1
                    if next == character {
                        closed = true
                        break
                    }
                    if next == "\\" && index < characters.count {
                        value.append(characters[index])
                        index += 1
                    } else {
                        value.append(next)
                    }
                }
                guard closed else {
                    throw HuntQueryError(
                        message: "unterminated string starting at column \(start + 1)", column: start + 1,
                        length: characters.count - start)
                }
                tokens.append(token(.string, from: start, value: value))
            default:
                while index < characters.count && !isDelimiter(characters[index]) { index += 1 }
                tokens.append(token(.word, from: start))
            }
        }
        tokens.append(HuntToken(kind: .end, text: "", value: "", column: characters.count + 1))
        return tokens
    }

    private static func isDelimiter(_ character: Character) -> Bool {
        character.isWhitespace || "()=!<>\"'".contains(character)
    }
}
