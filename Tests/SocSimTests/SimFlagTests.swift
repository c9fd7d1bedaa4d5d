import Testing

@testable import SocSim

@Suite struct SimFlagTests {
    @Test func flagsHaveTheRoomsShape() {
        let flag = ScenarioFlag.derive(scenarioName: "web-flood", seed: 42, secret: testSecret)
        #expect(flag.hasPrefix("SOC{") && flag.hasSuffix("}"))
        let body = flag.dropFirst(4).dropLast()
        #expect(body.count == 32 && body.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func flagsAreStableForOneInstallScenarioAndSeed() {
        let again = FlagSecret(bytes: Array("per-install secret for tests".utf8))!
        #expect(
            ScenarioFlag.derive(scenarioName: "web-flood", seed: 42, secret: testSecret)
                == ScenarioFlag.derive(scenarioName: "web-flood", seed: 42, secret: again))
        // Pinned so that a change to the derivation, which would invalidate flags learners hold, is noticed.
        let message = "socd-flag-v1\u{0}web-flood\u{0}42"
        let expected = HexEncoding.encode(
            HMACSHA256.authenticationCode(key: testSecret.bytes, message: message.utf8).prefix(16))
        #expect(ScenarioFlag.derive(scenarioName: "web-flood", seed: 42, secret: testSecret) == "SOC{\(expected)}")
    }

    @Test func flagsDependOnSecretScenarioAndSeed() {
        let base = ScenarioFlag.derive(scenarioName: "web-flood", seed: 42, secret: testSecret)
        let otherSecret = FlagSecret(bytes: Array("another install's secret".utf8))!
        #expect(ScenarioFlag.derive(scenarioName: "web-flood", seed: 42, secret: otherSecret) != base)
        #expect(ScenarioFlag.derive(scenarioName: "web-flood", seed: 43, secret: testSecret) != base)
        #expect(ScenarioFlag.derive(scenarioName: "web-flood-rotating", seed: 42, secret: testSecret) != base)
    }

    @Test func secretsMustBeLongEnough() {
        #expect(FlagSecret(bytes: Array(repeating: 1, count: 15)) == nil)
        var generator = Xoshiro256StarStar(seed: 1)
        let generated = FlagSecret.generate(using: &generator)
        #expect(generated.bytes.count == 32)
    }

    @Test func noFlagWithoutTheSecret() throws {
        var simulation = try makeSimulation(seed: 17, secret: nil)
        var filter = BlockListFilter()
        filter.add(source: .host(simulation.initialAttackerAddresses[0]))
        simulation.step(ticks: 200, filter: &filter)
        #expect(simulation.scenarioStatus.solved)
        #expect(simulation.scenarioStatus.flag == nil)
    }
}
