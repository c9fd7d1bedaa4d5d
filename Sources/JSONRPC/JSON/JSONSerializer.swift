#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes compact JSON: no whitespace, object keys in UTF-8 byte order, `/` left alone,
/// non-ASCII as raw UTF-8, and the shortest round-tripping form of every double.
///
/// Recursion follows the value's nesting; values from the parser are bounded by its depth limit.
enum JSONSerializer {
    static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: appendLiteral("null", to: &out)
        case .bool(let flag): appendLiteral(flag ? "true" : "false", to: &out)
        case .int(let integer): writeInteger(integer, into: &out)
        case .double(let double): writeDouble(double, into: &out)
        case .string(let string): writeString(string, into: &out)
        case .array(let elements):
            out.append(ASCII.openBracket)
            var first = true
            for element in elements {
                if !first { out.append(ASCII.comma) }
                first = false
                write(element, into: &out)
            }
            out.append(ASCII.closeBracket)
        case .object(let members):
            writeObject(members, into: &out)
        }
    }

    private static func appendLiteral(_ literal: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    static func writeInteger(_ integer: Int, into out: inout [UInt8]) {
        if 0 <= integer && integer < 10 {
            out.append(ASCII.zero + UInt8(integer))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var remaining = integer.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = ASCII.zero + UInt8(remaining % 10)
                remaining /= 10
            } while remaining != 0
            if integer < 0 {
                start -= 1
                digits[start] = ASCII.minus
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    static func writeDouble(_ double: Double, into out: inout [UInt8]) {
        guard double.isFinite else {
            // JSON has no spelling for NaN or infinity.
            appendLiteral("null", to: &out)
            return
        }
        // Integral values print as "123.0" so that they parse back as doubles, not integers.
        if double.rounded(.towardZero) == double, abs(double) < 1e15, double != 0 || double.sign == .plus {
            writeInteger(Int(double), into: &out)
            out.append(ASCII.period)
            out.append(ASCII.zero)
            return
        }
        // Swift's description is the shortest digit string that round-trips, and for finite
        // values its forms ("0.1", "-0.0", "1e-05", "5e+20") are all valid JSON numbers.
        out.append(contentsOf: double.description.utf8)
    }

    static func writeString(_ string: String, into out: inout [UInt8]) {
        out.append(ASCII.quote)
        let handled: Void? = string.utf8.withContiguousStorageIfAvailable { utf8 in
            writeEscaped(utf8, into: &out)
        }
        if handled == nil {
            let copy = Array(string.utf8)
            copy.withUnsafeBufferPointer { writeEscaped($0, into: &out) }
        }
        out.append(ASCII.quote)
    }

    /// Appends `utf8` with the characters JSON requires escaped, copying unescaped runs whole.
    private static func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var runStart = 0
        for position in 0..<utf8.count {
            let byte = utf8[position]
            guard byte < 0x20 || byte == ASCII.quote || byte == ASCII.backslash else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<position]))
            runStart = position + 1
            out.append(ASCII.backslash)
            switch byte {
            case ASCII.quote, ASCII.backslash: out.append(byte)
            case ASCII.newline: out.append(ASCII.n)
            case ASCII.carriageReturn: out.append(ASCII.r)
            case ASCII.tab: out.append(ASCII.t)
            case 0x08: out.append(ASCII.b)
            case 0x0C: out.append(ASCII.f)
            default:
                let hexDigits: StaticString = "0123456789abcdef"
                out.append(ASCII.u)
                out.append(ASCII.zero)
                out.append(ASCII.zero)
                out.append(hexDigits.utf8Start[Int(byte >> 4)])
                out.append(hexDigits.utf8Start[Int(byte & 0xF)])
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }

    private static func writeObject(_ members: [String: JSONValue], into out: inout [UInt8]) {
        out.append(ASCII.openBrace)
        defer { out.append(ASCII.closeBrace) }
        guard members.count > 1 else {
            if let (key, value) = members.first { writeMember(key, value, into: &out) }
            return
        }
        // Sort positions, not entries: the index buffer lives on the stack for ordinary sizes.
        withUnsafeTemporaryAllocation(of: Dictionary<String, JSONValue>.Index.self, capacity: members.count) {
            order in
            var count = 0
            var index = members.startIndex
            while index != members.endIndex {
                (order.baseAddress! + count).initialize(to: index)
                count += 1
                members.formIndex(after: &index)
            }
            defer { order.baseAddress!.deinitialize(count: count) }
            // Insertion sort: objects on the wire have a handful of keys.
            for unsorted in 1..<count {
                let moving = order[unsorted]
                let movingKey = members[moving].key
                var slot = unsorted
                while slot > 0, utf8Precedes(movingKey, members[order[slot - 1]].key) {
                    order[slot] = order[slot - 1]
                    slot -= 1
                }
                order[slot] = moving
            }
            for position in 0..<count {
                if position > 0 { out.append(ASCII.comma) }
                let (key, value) = members[order[position]]
                writeMember(key, value, into: &out)
            }
        }
    }

    @inline(__always)
    private static func writeMember(_ key: String, _ value: JSONValue, into out: inout [UInt8]) {
        writeString(key, into: &out)
        out.append(ASCII.colon)
        write(value, into: &out)
    }

    /// Byte-wise UTF-8 order, which is also code point order (String's `<` compares canonical
    /// equivalents as equal, which is not what a stable wire form needs).
    static func utf8Precedes(_ lhs: String, _ rhs: String) -> Bool {
        let fast: Bool? =
            lhs.utf8.withContiguousStorageIfAvailable { left in
                rhs.utf8.withContiguousStorageIfAvailable { right in
                    let common = min(left.count, right.count)
                    if common > 0 {
                        let order = memcmp(left.baseAddress!, right.baseAddress!, common)
                        if order != 0 { return order < 0 }
                    }
                    return left.count < right.count
                }
            } ?? nil
        return fast ?? lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
