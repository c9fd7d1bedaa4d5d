extension JSONValue {
    /// The nesting limit the parser applies unless told otherwise.
    package static let defaultMaximumDepth = 512

    /// Parses one JSON document (RFC 8259, strictly) from raw bytes.
    ///
    /// - Parameter maxDepth: how many arrays/objects may be nested; deeper input is rejected.
    package init(parsing buffer: UnsafeRawBufferPointer, maxDepth: Int = defaultMaximumDepth) throws(JSONParseError) {
        var parser = JSONParser(bytes: buffer.assumingMemoryBound(to: UInt8.self), maxDepth: maxDepth)
        self = try parser.parseDocument()
    }

    /// Parses one JSON document (RFC 8259, strictly) from a byte collection such as `[UInt8]`
    /// or a framer's `ArraySlice<UInt8>`; contiguous collections are read in place.
    package init(parsing bytes: some Collection<UInt8>, maxDepth: Int = defaultMaximumDepth) throws(JSONParseError) {
        let result: Result<JSONValue, JSONParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            var parser = JSONParser(bytes: buffer, maxDepth: maxDepth)
            return Result { () throws(JSONParseError) in try parser.parseDocument() }
        }
        if let result {
            self = try result.get()
        } else {
            try self.init(parsing: Array(bytes), maxDepth: maxDepth)
        }
    }

    /// Parses one JSON document (RFC 8259, strictly) from a byte array.
    package init(parsing bytes: [UInt8], maxDepth: Int = defaultMaximumDepth) throws(JSONParseError) {
        let result = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer, maxDepth: maxDepth)
            return Result { () throws(JSONParseError) in try parser.parseDocument() }
        }
        self = try result.get()
    }

    /// Parses one JSON document (RFC 8259, strictly) from a slice, such as a framer's line.
    package init(parsing bytes: ArraySlice<UInt8>, maxDepth: Int = defaultMaximumDepth) throws(JSONParseError) {
        let result = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer, maxDepth: maxDepth)
            return Result { () throws(JSONParseError) in try parser.parseDocument() }
        }
        self = try result.get()
    }

    /// Parses one JSON document (RFC 8259, strictly) from the UTF-8 of `text`.
    package init(parsing text: String, maxDepth: Int = defaultMaximumDepth) throws(JSONParseError) {
        var text = text
        let result = text.withUTF8 { buffer in
            var parser = JSONParser(bytes: buffer, maxDepth: maxDepth)
            return Result { () throws(JSONParseError) in try parser.parseDocument() }
        }
        self = try result.get()
    }
}
