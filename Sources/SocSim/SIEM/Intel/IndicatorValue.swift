/// Recognizing and canonicalizing indicator values; shared with incident observables.
package enum IndicatorValue {
    /// The kind `text`'s shape says it is, or nil.
    package static func detect(_ text: String) -> IndicatorKind? {
        if IPv4Address(text) != nil { return .ip }
        if text.contains("/") && !text.contains(":"), IPv4CIDR(text) != nil { return .cidr }
        if isSHA256(text) { return .sha256 }
        if canonicalURL(text) != nil { return .url }
        if canonicalDomain(text) != nil { return .domain }
        return nil
    }

    /// `text` in canonical form if it is a valid `kind`, else nil.
    package static func canonical(_ text: String, as kind: IndicatorKind) -> String? {
        switch kind {
        case .ip: IPv4Address(text)?.description
        case .cidr: text.contains("/") ? IPv4CIDR(text)?.description : nil
        case .domain: canonicalDomain(text)
        case .url: canonicalURL(text)
        case .sha256: isSHA256(text) ? text.lowercased() : nil
        }
    }

    static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy(isHexDigit)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
    }

    /// Lower case, no trailing dot; two or more labels of letters, digits and hyphens (underscores
    /// allowed, as service names use them), each 1-63 long and not starting or ending with a hyphen,
    /// 253 characters at most; not all-numeric (that would be an address).
    package static func canonicalDomain(_ text: String) -> String? {
        var name = text.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        guard !name.isEmpty, name.utf8.count <= 253 else { return nil }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return nil }
        for label in labels {
            let bytes = label.utf8
            guard (1...63).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-"),
                bytes.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
            else { return nil }
        }
        guard let top = labels.last, !top.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return name
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (97...122).contains(byte)
    }

    /// `scheme://host[:port][/path...]` with scheme http, https or ftp and a valid host; scheme
    /// and host lower-cased, the rest kept as written.
    package static func canonicalURL(_ text: String) -> String? {
        guard let schemeEnd = text.firstRange(of: "://") else { return nil }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard ["http", "https", "ftp"].contains(scheme) else { return nil }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var host = authority
        if let colon = authority.lastIndex(of: ":") {
            let port = authority[authority.index(after: colon)...]
            guard !port.isEmpty, port.utf8.count <= 5, port.utf8.allSatisfy({ (48...57).contains($0) }),
                let number = Int(port), number <= 65_535
            else { return nil }
            host = authority[..<colon]
        }
        let hostText = String(host)
        guard IPv4Address(hostText) != nil || canonicalDomain(hostText) != nil,
            !rest[authorityEnd...].contains(where: { $0 == " " || $0 == "\t" })
        else { return nil }
        return "\(scheme)://\(authority.lowercased())\(rest[authorityEnd...])"
    }
}
