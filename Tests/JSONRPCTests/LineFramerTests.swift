import Testing

@testable import JSONRPC

/// What a framer produced, with line contents copied out of its storage.
private enum Framed: Hashable, CustomStringConvertible {
    case line(String)
    case oversized

    var description: String {
        switch self {
        case .line(let text): "line(\(text.debugDescription))"
        case .oversized: "oversized"
        }
    }
}

private func drain(_ framer: inout LineFramer, into frames: inout [Framed], sizes: inout [Int]) {
    while let frame = framer.nextFrame() {
        switch frame {
        case .line(let bytes): frames.append(.line(String(decoding: bytes, as: UTF8.self)))
        case .oversized(let byteCount):
            frames.append(.oversized)
            sizes.append(byteCount)
        }
    }
}

/// Feeds `input` in pieces of the given lengths (the last piece takes the rest).
private func frame(_ input: [UInt8], chunks: [Int], maxLineLength: Int) -> (frames: [Framed], sizes: [Int]) {
    var framer = LineFramer(maxLineLength: maxLineLength)
    var frames: [Framed] = []
    var sizes: [Int] = []
    var offset = 0
    var pieces = chunks.makeIterator()
    while offset < input.count {
        let length = min(pieces.next() ?? input.count, input.count - offset)
        input[offset..<offset + length].withUnsafeBytes { framer.append($0) }
        offset += length
        drain(&framer, into: &frames, sizes: &sizes)
    }
    return (frames, sizes)
}

@Suite("Line framer")
struct LineFramerTests {
    @Test func splitsLinesAndStripsOneCarriageReturn() {
        var framer = LineFramer()
        framer.append(contentsOf: Array("a\nbc\r\n\n\r\nd\r\r\ntail".utf8))
        var frames: [Framed] = []
        var sizes: [Int] = []
        drain(&framer, into: &frames, sizes: &sizes)
        #expect(frames == [.line("a"), .line("bc"), .line(""), .line(""), .line("d\r")])
        #expect(framer.bufferedByteCount == 4)
        framer.append(contentsOf: "\n".utf8)
        drain(&framer, into: &frames, sizes: &sizes)
        #expect(frames.last == .line("tail"))
        #expect(framer.bufferedByteCount == 0)
        #expect(framer.nextFrame() == nil)
    }

    @Test func oneByteAtATimeAllAtOnceAndRandomChunkingsAgree() {
        var random = SplitMix64(seed: 2024)
        var text = ""
        for index in 0..<200 {
            let length = Int(random.next() % 40)
            text += String(repeating: Character(UnicodeScalar(UInt8(97 + index % 26))), count: length)
            text += random.next() % 3 == 0 ? "\r\n" : "\n"
        }
        let input = Array(text.utf8)
        let limit = 30
        let whole = frame(input, chunks: [input.count], maxLineLength: limit)
        let bytewise = frame(input, chunks: Array(repeating: 1, count: input.count), maxLineLength: limit)
        #expect(bytewise.frames == whole.frames)
        #expect(whole.frames.contains(.oversized))
        #expect(whole.frames.count == 200)
        for _ in 0..<50 {
            let chunks = (0..<input.count).map { _ in Int(random.next() % 64) + 1 }
            #expect(frame(input, chunks: chunks, maxLineLength: limit).frames == whole.frames)
        }
        // Lines at or below the limit come through unchanged.
        // (Split the bytes: as Characters, "\r\n" is one grapheme and would not split at "\n".)
        let expectedLines = input.split(separator: ASCII.newline, omittingEmptySubsequences: false).dropLast().map {
            let line = $0.last == ASCII.carriageReturn ? $0.dropLast() : $0
            return line.count > limit ? Framed.oversized : Framed.line(String(decoding: line, as: UTF8.self))
        }
        #expect(whole.frames == expectedLines)
    }

    @Test func anOversizedLineIsReportedOnceAndTheNextLineIsFramedNormally() {
        let long = String(repeating: "x", count: 100)
        let input = Array("ok\n\(long)\nnext\n\(long)\r\n\(String(repeating: "y", count: 10))\r\nlast\n".utf8)
        for chunks in [[input.count], Array(repeating: 1, count: input.count), [5, 7, 90, 3, 100]] {
            let (frames, sizes) = frame(input, chunks: chunks, maxLineLength: 10)
            #expect(frames == [.line("ok"), .oversized, .line("next"), .oversized, .line("yyyyyyyyyy"), .line("last")])
            #expect(sizes.allSatisfy { $0 > 10 && $0 <= 101 })
        }
        // Seen whole, the size is the line's length.
        #expect(frame(Array("\(long)\n".utf8), chunks: [101], maxLineLength: 10).sizes == [100])
    }

    @Test func anOversizedPartialLineIsReportedBeforeItsNewlineAndDropped() {
        var framer = LineFramer(maxLineLength: 8)
        framer.append(contentsOf: Array(repeating: UInt8(ascii: "z"), count: 5))
        #expect(framer.nextFrame() == nil)
        framer.append(contentsOf: Array(repeating: UInt8(ascii: "z"), count: 5))
        #expect(framer.nextFrame() == .oversized(byteCount: 10))
        #expect(framer.nextFrame() == nil)
        #expect(framer.bufferedByteCount == 0, "a line already reported is not kept")
        for _ in 0..<1000 {
            framer.append(contentsOf: Array(repeating: UInt8(ascii: "z"), count: 100))
            #expect(framer.nextFrame() == nil)
        }
        #expect(framer.bufferedByteCount == 0)
        framer.append(contentsOf: Array("zz\nfine\n".utf8))
        #expect(framer.nextFrame() == .line(ArraySlice("fine".utf8)))
        #expect(framer.nextFrame() == nil)
    }

    @Test func aLineExactlyAtTheLimitIsAcceptedWithOrWithoutCarriageReturn() {
        let exact = String(repeating: "e", count: 8)
        for chunks in [[100], Array(repeating: 1, count: 100)] {
            let (frames, _) = frame(Array("\(exact)\r\n\(exact)\n\(exact)e\r\n".utf8), chunks: chunks, maxLineLength: 8)
            #expect(frames == [.line(exact), .line(exact), .oversized])
        }
    }

    @Test func aLongLineTricklingInIsScannedOnce() {
        // 1 MiB in 1-byte reads would take minutes if every read rescanned the partial line.
        var framer = LineFramer(maxLineLength: 1 << 20)
        var byte: UInt8 = UInt8(ascii: "a")
        for _ in 0..<(1 << 20) {
            withUnsafeBytes(of: &byte) { framer.append($0) }
            if framer.nextFrame() != nil { Issue.record("no frame expected before the newline") }
        }
        #expect(framer.bufferedByteCount == 1 << 20)
        framer.append(contentsOf: [ASCII.newline])
        guard case .line(let line) = framer.nextFrame() else {
            Issue.record("expected the long line")
            return
        }
        #expect(line.count == 1 << 20)
    }

    @Test func consumedBytesAreCompacted() {
        var framer = LineFramer()
        for index in 0..<10_000 {
            framer.append(contentsOf: Array("message \(index)\npartial".utf8))
            #expect(
                framer.nextFrame() == .line(ArraySlice(index == 0 ? "message 0".utf8 : "partialmessage \(index)".utf8)))
            #expect(framer.bufferedByteCount == 7)
        }
    }
}
