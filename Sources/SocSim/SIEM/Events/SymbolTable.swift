/// The strings events refer to by `Symbol`, each stored once. Append-only: a symbol stays valid for
/// the table's lifetime, so retained events, alerts and compiled queries can hold symbols freely.
///
/// Only closed vocabularies are interned (actions, observers, interfaces, methods, user agents,
/// user and host names, record types); open-ended values such as URLs and DNS names stay `String`s
/// inside the event, so the table's size follows the network's vocabulary, not its traffic.
package struct SymbolTable: Sendable {
    private var texts: [String] = []
    private var indices: [String: UInt32] = [:]

    package init() {
        for text in Self.wellKnown { _ = intern(text) }
    }

    /// In the order of `Symbol`'s constants.
    private static let wellKnown = ["", "success", "failure"]

    package var count: Int { texts.count }

    /// The symbol of `text`, adding it on first use.
    @inline(__always)
    package mutating func intern(_ text: String) -> Symbol {
        if let index = indices[text] { return Symbol(index: index) }
        let index = UInt32(texts.count)
        texts.append(text)
        indices[text] = index
        return Symbol(index: index)
    }

    /// The symbol of `text` if it was ever interned: a query for a value no event carries can
    /// then be compiled to "never matches".
    package func lookup(_ text: String) -> Symbol? {
        indices[text].map { Symbol(index: $0) }
    }

    package subscript(symbol: Symbol) -> String {
        texts[Int(symbol.index)]
    }
}
