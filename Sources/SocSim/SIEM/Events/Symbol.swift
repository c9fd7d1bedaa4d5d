/// An interned string: the index of its text in a `SymbolTable`. Events store the low-cardinality
/// text of their fields (actions, host names, user agents) as symbols, so an event stays a small
/// fixed-size value and a query compares a string field with one integer comparison.
package struct Symbol: Sendable, Hashable, Comparable, Codable {
    package let index: UInt32

    package init(index: UInt32) { self.index = index }

    package static func < (lhs: Symbol, rhs: Symbol) -> Bool { lhs.index < rhs.index }

    // The table interns these first, in this order, so that code can name them without a lookup.
    package static let empty = Symbol(index: 0)
    package static let success = Symbol(index: 1)
    package static let failure = Symbol(index: 2)
}
