/// The coding key the JSON coders use for object members they were not given a key type for,
/// and for array positions (which error paths render as `[2]`).
package struct JSONCodingKey: CodingKey, Sendable, Hashable {
    package let stringValue: String
    package let intValue: Int?
    /// True for a position in an array rather than an object member named by digits.
    package let isArrayIndex: Bool

    package init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
        self.isArrayIndex = false
    }

    package init(intValue: Int) {
        self.init(index: intValue)
    }

    package init(index: Int) {
        self.stringValue = "Index \(index)"
        self.intValue = index
        self.isArrayIndex = true
    }

    static let superKey = JSONCodingKey(stringValue: "super")
}
