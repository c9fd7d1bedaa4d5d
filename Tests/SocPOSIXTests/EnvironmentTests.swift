import SocPOSIX
import Testing

/// Changes the process environment, so its tests run one at a time and use names of their own.
@Suite(.serialized) struct EnvironmentTests {
    @Test func setGetUnset() throws {
        let name = "SOCPOSIX_TEST_ENVIRONMENT"
        try Environment.set(name, to: "/run/socd/socd.sock")
        #expect(Environment.get(name) == "/run/socd/socd.sock")
        try Environment.set(name, to: "")
        #expect(Environment.get(name) == "")
        try Environment.unset(name)
        #expect(Environment.get(name) == nil)
        try Environment.unset(name)  // unsetting an unset variable is fine
    }

    @Test func invalidNameIsRejected() throws {
        let error = try #require(throws: SystemError.self) { try Environment.set("A=B", to: "c") }
        #expect(error.function == "setenv")
    }
}
