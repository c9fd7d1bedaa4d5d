#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits a byte stream into newline-terminated lines, the framing of socd's JSON-RPC.
///
/// Feed it whatever `read` returned and drain `nextFrame()` until it returns nil. A line longer
/// than `maxLineLength` is reported once as `.oversized` as soon as it is known to be too long;
/// the rest of it, through its newline, is dropped as it arrives, so memory stays bounded and
/// the next line is framed normally.
///
/// The scan position is remembered across calls, so a long line trickling in through many small
/// reads is searched once, not once per read. Consumed bytes are compacted away when they make
/// up most of the buffer, which keeps the cost per byte constant.
package struct LineFramer: Sendable {
    package enum Frame: Sendable, Hashable {
        /// One line without its `\n` and without one `\r` before it. The slice shares the
        /// framer's storage: use it before the next `append`, or copy it.
        case line(ArraySlice<UInt8>)
        /// A line longer than the limit; `byteCount` is how much of it had arrived when that
        /// became known (more than the limit, and not necessarily the whole line).
        case oversized(byteCount: Int)
    }

    package let maxLineLength: Int
    private var buffer: [UInt8] = []
    /// Start of the first byte not yet handed out.
    private var frameStart = 0
    /// Everything in `frameStart..<scanned` is known to contain no newline.
    private var scanned = 0
    /// True between reporting an oversized line and reaching its newline.
    private var isDiscarding = false

    package init(maxLineLength: Int = 1 << 20) {
        precondition(maxLineLength > 0, "a line limit must allow at least one byte")
        self.maxLineLength = maxLineLength
    }

    /// Bytes held for lines not yet complete (or complete but not yet taken), for deciding
    /// when to stop reading from a peer.
    package var bufferedByteCount: Int { buffer.count - frameStart }

    package mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        compactIfWorthwhile()
        buffer.append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
    }

    package mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        compactIfWorthwhile()
        buffer.append(contentsOf: bytes)
    }

    package mutating func nextFrame() -> Frame? {
        while true {
            guard let newline = findNewline() else {
                return reportOrDropUnterminatedLine()
            }
            let lineStart = frameStart
            frameStart = newline + 1
            scanned = frameStart
            if isDiscarding {
                isDiscarding = false
                continue
            }
            var lineEnd = newline
            if lineEnd > lineStart && buffer[lineEnd - 1] == ASCII.carriageReturn { lineEnd -= 1 }
            if lineEnd - lineStart > maxLineLength {
                return .oversized(byteCount: lineEnd - lineStart)
            }
            return .line(buffer[lineStart..<lineEnd])
        }
    }

    /// Looks for `\n` in the bytes not yet scanned; remembers how far it got if there is none.
    private mutating func findNewline() -> Int? {
        guard scanned < buffer.count else { return nil }
        let found: Int? = buffer.withUnsafeBufferPointer { bytes in
            let start = bytes.baseAddress! + scanned
            guard let hit = memchr(start, Int32(ASCII.newline), bytes.count - scanned) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(bytes.baseAddress!)
        }
        if found == nil { scanned = buffer.count }
        return found
    }

    /// With no newline in sight: a pending line past the limit is reported (once) and dropped.
    private mutating func reportOrDropUnterminatedLine() -> Frame? {
        let pending = buffer.count - frameStart
        if isDiscarding {
            frameStart = buffer.count
            scanned = buffer.count
            return nil
        }
        // One byte of slack: the last byte may be the `\r` of a line exactly at the limit.
        guard pending > maxLineLength + 1 else { return nil }
        isDiscarding = true
        frameStart = buffer.count
        scanned = buffer.count
        return .oversized(byteCount: pending)
    }

    /// Drops handed-out bytes once they are at least half of the buffer, so that each byte is
    /// moved a bounded number of times.
    private mutating func compactIfWorthwhile() {
        guard frameStart > 0 else { return }
        if frameStart == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else if frameStart >= buffer.count / 2 {
            buffer.removeSubrange(0..<frameStart)
        } else {
            return
        }
        scanned -= frameStart
        frameStart = 0
    }
}
