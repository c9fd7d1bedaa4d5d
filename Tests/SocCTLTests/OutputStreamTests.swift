import Glibc
import SocCTL
import Testing

@Suite struct OutputStreamTests {
    /// Reads what is in the pipe now, without waiting.
    func available(_ descriptor: Int32) -> String {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 0) == 1 else { return "" }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(descriptor, &bytes, bytes.count)
        return String(decoding: bytes[..<max(count, 0)], as: UTF8.self)
    }

    @Test func buffersUntilFlush() {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        defer { close(descriptors[0]); close(descriptors[1]) }
        let stream = OutputStream(fileDescriptor: descriptors[1])
        stream.write("rule ")
        stream.writeLine("added")
        #expect(available(descriptors[0]) == "")
        stream.flush()
        #expect(available(descriptors[0]) == "rule added\n")
        #expect(stream.writeError == nil)
    }

    @Test func flushesWhenTheBufferFills() {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        defer { close(descriptors[0]); close(descriptors[1]) }
        let stream = OutputStream(fileDescriptor: descriptors[1], capacity: 8)
        stream.write("1234")
        #expect(available(descriptors[0]) == "")
        stream.write("56789")
        #expect(available(descriptors[0]) == "123456789")
    }

    @Test func worksWithPrint() {
        var stream = OutputStream.memory()
        print("a", 1, separator: "-", to: &stream)
        #expect(stream.text == "a-1\n")
    }

    @Test func flushesOnRelease() {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        defer { close(descriptors[0]); close(descriptors[1]) }
        do {
            let stream = OutputStream(fileDescriptor: descriptors[1])
            stream.write("bye\n")
        }
        #expect(available(descriptors[0]) == "bye\n")
    }

    @Test func recordsTheFirstWriteError() {
        let stream = OutputStream(fileDescriptor: -1)
        stream.write("lost")
        stream.flush()
        #expect(stream.writeError == EBADF)
    }

    @Test func printErrorPrefixesTheProgram() {
        let stream = OutputStream.memory()
        printError("cannot connect to /run/socd/socd.sock", to: stream)
        #expect(stream.text == "socctl: cannot connect to /run/socd/socd.sock\n")
    }
}
