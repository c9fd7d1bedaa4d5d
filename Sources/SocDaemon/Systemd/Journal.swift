import CSystemd
import Glibc

/// Structured logging to the systemd journal.
///
/// Uses sd_journal_sendv: the variadic sd_journal_send cannot be called from Swift.
package enum Journal {
    /// Sends one entry with `MESSAGE`, `PRIORITY`, and `fields`.
    ///
    /// Field names must be journal field names: upper-case ASCII letters, digits and
    /// underscores, not starting with an underscore (those are trusted fields the journal
    /// sets itself). Values may hold any text, newlines included.
    ///
    /// - Returns: false when sd_journal_sendv reported an error (the entry was malformed or
    ///   too large to send). When no journal is running the entry is dropped silently and
    ///   the result is true: socd cannot tell, so check `Systemd.stderrIsJournalStream()`
    ///   to decide whether to log here at all.
    @discardableResult
    package static func send(
        priority: JournalPriority, message: String, fields: [(name: String, value: String)] = []
    ) -> Bool {
        // All assignments in one buffer, so every iovec points into memory that stays put
        // for the whole call.
        var bytes: [UInt8] = []
        var spans: [(offset: Int, length: Int)] = []
        for entry in entries(priority: priority, message: message, fields: fields) {
            spans.append((bytes.count, entry.utf8.count))
            bytes.append(contentsOf: entry.utf8)
        }
        return bytes.withUnsafeMutableBytes { buffer in
            let vectors = spans.map { span in
                iovec(iov_base: buffer.baseAddress! + span.offset, iov_len: span.length)
            }
            return sd_journal_sendv(vectors, Int32(vectors.count)) == 0
        }
    }

    /// The `NAME=value` assignments of one entry, in the order they are sent.
    static func entries(
        priority: JournalPriority, message: String, fields: [(name: String, value: String)]
    ) -> [String] {
        var entries = ["MESSAGE=" + message, "PRIORITY=\(priority.rawValue)"]
        entries.reserveCapacity(2 + fields.count)
        for (name, value) in fields {
            assert(isValidFieldName(name), "invalid journal field name \(name)")
            entries.append(name + "=" + value)
        }
        return entries
    }

    /// Whether the journal accepts `name` as a field name from a client.
    static func isValidFieldName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first != UInt8(ascii: "_"), name.utf8.count <= 64 else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        } && !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
    }
}
