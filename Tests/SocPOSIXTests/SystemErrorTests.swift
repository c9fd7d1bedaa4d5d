import Glibc
import SocPOSIX
import Testing

@Suite struct SystemErrorTests {
    @Test func descriptionNamesCallPathMessageAndNumber() {
        let error = SystemError(errno: ECONNREFUSED, function: "connect", path: "/run/socd/socd.sock")
        #expect(error.description == "connect(/run/socd/socd.sock): Connection refused (errno 111)")
    }

    @Test func descriptionWithoutPath() {
        let error = SystemError(errno: EPIPE, function: "send")
        #expect(error.description == "send: Broken pipe (errno 32)")
    }

    @Test func unknownErrnoStillHasAMessage() {
        #expect(SystemError.message(forErrno: 9999).contains("9999"))
    }

    @Test func closingADescriptorThatIsNotOpenReportsEBADF() throws {
        // Any low number may be opened by a parallel test at any moment; one above the hard
        // limit can never be open.
        let limit = try ProcessStats.openFileLimit()
        let impossible = FileDescriptor(rawValue: Int32(clamping: limit.hard + 1))
        let error = try #require(throws: SystemError.self) { try impossible.close() }
        #expect(error.errno == EBADF)
        #expect(error.function == "close")
    }
}
