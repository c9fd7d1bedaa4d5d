extension JSONValue: CustomStringConvertible {
    /// Appends the compact JSON form of this value to `buffer`; the allocation-free hot path
    /// when `buffer` is reused across messages.
    package func serialize(into buffer: inout [UInt8]) {
        JSONSerializer.write(self, into: &buffer)
    }

    /// The compact JSON form of this value as UTF-8.
    package var serializedBytes: [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)
        serialize(into: &buffer)
        return buffer
    }

    /// The compact JSON form of this value.
    package var serializedString: String {
        String(decoding: serializedBytes, as: UTF8.self)
    }

    /// The compact JSON form, as `serializedString`.
    package var description: String { serializedString }
}
