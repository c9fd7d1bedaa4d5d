import SocProtocol

/// Tells which export format a file to import is in: by its extension first, then by its
/// first meaningful line, so that `rules import saved.nft` needs no `--format`.
package enum RulesFormatDetection {
    /// Extensions and the formats they stand for; `.v4` is where iptables-persistent keeps
    /// `iptables-save` output (`/etc/iptables/rules.v4`).
    static let extensions: [String: RuleFormat] = [
        "json": .json, "nft": .nft, "rules": .iptablesRestore, "v4": .iptablesRestore,
    ]

    /// The format of `content` read from `path` (`-` for standard input), or `nil` when
    /// neither tells.
    package static func detect(path: String, content: String) -> RuleFormat? {
        byExtension(path) ?? byContent(content)
    }

    static func byExtension(_ path: String) -> RuleFormat? {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return extensions[name[name.index(after: dot)...].lowercased()]
    }

    /// Looks at the first line that is neither blank nor a comment (an `nft` script's `#!`
    /// line settles it at once).
    static func byContent(_ content: String) -> RuleFormat? {
        for line in content.split(whereSeparator: \.isNewline) {
            let text = line.drop { $0 == " " || $0 == "\t" }
            if text.hasPrefix("#!") && text.contains("nft") { return .nft }
            if text.isEmpty || text.hasPrefix("#") { continue }
            if text.hasPrefix("{") || text.hasPrefix("[") { return .json }
            if text.hasPrefix("*") || text.hasPrefix(":") || text.hasPrefix("-A ") { return .iptablesRestore }
            if text.hasPrefix("table ") || text.hasPrefix("flush ") || text.hasPrefix("add ") { return .nft }
            return nil
        }
        return nil
    }
}
