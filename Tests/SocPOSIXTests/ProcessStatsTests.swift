import Glibc
import SocPOSIX
import Testing

@Suite struct ProcessStatsTests {
    @Test func residentSetGrowsWhenMemoryIsTouched() throws {
        let before = try #require(ProcessStats.residentSetBytes())
        #expect(before > 1024 * 1024)
        let size = 64 * 1024 * 1024
        let block = try #require(malloc(size))
        defer { free(block) }
        memset(block, 1, size)
        let after = try #require(ProcessStats.residentSetBytes())
        // Other tests allocate and free concurrently, so only demand most of the block.
        #expect(after - before > size / 2)
    }

    @Test func openDescriptorCountSeesNewDescriptors() throws {
        let (local, peer) = try UnixSocket.socketPair()
        defer {
            try? local.close()
            try? peer.close()
        }
        let count = try #require(ProcessStats.openFileDescriptorCount())
        // At least stdin/stdout/stderr, the pair and the directory being read.
        #expect(count >= 6)
    }

    @Test func openFileLimitIsRaisedToTheHardLimit() throws {
        let before = try ProcessStats.openFileLimit()
        #expect(before.soft <= before.hard)
        let raised = try ProcessStats.raiseOpenFileLimit()
        #expect(raised.soft == before.hard)
        #expect(raised == (try ProcessStats.openFileLimit()))
        #expect(raised.soft >= 1024)
    }
}
