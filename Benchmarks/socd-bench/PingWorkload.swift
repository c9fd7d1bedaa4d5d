/// The requests every control-plane client sends — `system.ping` lines with ids 1...`distinctIDs`,
/// to socd and to the echo server alike — and how a reply is recognised as the right one.
struct PingWorkload: Sendable {
    static let distinctIDs = 1_000

    /// The request with id `n` is `lines[n - 1]`, newline included.
    let lines: [[UInt8]]
    /// All of `lines` back to back: what the pipelined clients send, over and over.
    let chunk: [UInt8]
    /// Whether `reply` (one line without its newline) answers the request with `id`.
    let accepts: @Sendable (_ reply: ArraySlice<UInt8>, _ id: Int) -> Bool
    /// What a right reply looks like, for the failure message.
    let expectation: String

    static func request(id: Int) -> [UInt8] {
        Array(#"{"jsonrpc":"2.0","id":\#(id),"method":"system.ping"}"#.utf8) + [UInt8(ascii: "\n")]
    }

    private init(accepts: @escaping @Sendable (ArraySlice<UInt8>, Int) -> Bool, expectation: String) {
        lines = (1...Self.distinctIDs).map(Self.request(id:))
        chunk = lines.flatMap { $0 }
        self.accepts = accepts
        self.expectation = expectation
    }

    /// socd must answer with a result, not an error, for the request's own id.
    static let socd = PingWorkload(
        accepts: { reply, id in
            let text = String(decoding: reply, as: UTF8.self)
            return text.contains(#""result":{"pong":true}"#) && text.contains(#""id":\#(id),"#)
                && !text.contains(#""error""#)
        }, expectation: #"a system.ping result {"pong":true} with the request's id"#)

    /// The echo server must send the request back unchanged.
    static let echo = PingWorkload(
        accepts: { reply, id in Array(reply) == Array(request(id: id).dropLast()) },
        expectation: "the request line itself")
}
