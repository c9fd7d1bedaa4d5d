/// How hunt results are sorted: by a field or, for groups, by count.
struct HuntOrdering: Sendable, Hashable {
    enum Key: Sendable, Hashable {
        case count
        case field(ECSField)
    }

    var key: Key
    var descending: Bool

    /// Parses `field [asc|desc]`; errors name the column inside the `orderBy` text.
    init(parsing text: String, grouped: Bool) throws(HuntQueryError) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let name = words.first, words.count <= 2 else {
            throw HuntQueryError(message: "orderBy needs 'FIELD [asc|desc]'", column: 1, length: text.count)
        }
        if words.count == 2 {
            switch words[1].lowercased() {
            case "asc": descending = false
            case "desc": descending = true
            default:
                let column = text.distance(from: text.startIndex, to: words[1].startIndex) + 1
                throw HuntQueryError(
                    message: "unexpected '\(words[1])' at column \(column) of orderBy; expected asc or desc",
                    column: column, length: words[1].count)
            }
        } else {
            descending = name == "count"
        }
        let column = text.distance(from: text.startIndex, to: name.startIndex) + 1
        if name == "count" {
            guard grouped else {
                throw HuntQueryError(
                    message: "orderBy count needs groupBy (at column \(column) of orderBy)", column: column, length: 5)
            }
            key = .count
        } else if let field = ECSField(rawValue: String(name)) {
            key = .field(field)
        } else {
            throw HuntQueryError(
                message: "unknown field '\(name)' at column \(column) of orderBy", column: column, length: name.count)
        }
    }
}
