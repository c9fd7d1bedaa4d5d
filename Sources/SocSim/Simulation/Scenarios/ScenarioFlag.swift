/// `SOC{...}` flags: the first 128 bits of HMAC-SHA-256, keyed with the install's secret, over the
/// scenario's name and seed. Stable for one install, scenario and seed; different everywhere else.
package enum ScenarioFlag {
    package static func derive(scenarioName: String, seed: UInt64, secret: FlagSecret) -> String {
        let message = "socd-flag-v1\u{0}\(scenarioName)\u{0}\(seed)"
        let code = HMACSHA256.authenticationCode(key: secret.bytes, message: message.utf8)
        return "SOC{\(HexEncoding.encode(code.prefix(16)))}"
    }
}
