import JSONRPC
import Testing

/// Single requests through the dispatcher: envelopes, ids, notifications and every standard
/// error code in the situation the specification gives it.
@Suite struct RPCDispatcherTests {
    let harness = RPCDispatcherHarness()

    // MARK: - Requests and notifications

    @Test func answersARequestWithCompactSortedEnvelope() {
        #expect(
            harness.reply(#"{"jsonrpc":"2.0","id":1,"method":"test.add","params":{"a":2,"b":3}}"#)
                == #"{"id":1,"jsonrpc":"2.0","result":{"sum":5}}"#)
    }

    @Test func passesTheConnectionContextToHandlers() {
        guard
            case .ready(let reply) = harness.handle(
                #"{"jsonrpc":"2.0","id":1,"method":"test.whoami"}"#, caller: "uid 42")
        else {
            Issue.record("no reply")
            return
        }
        #expect(reply == #"{"id":1,"jsonrpc":"2.0","result":"uid 42"}"#)
    }

    @Test func toleratesWhitespaceAroundTheMessage() {
        #expect(
            harness.reply(" \t{ \"jsonrpc\" : \"2.0\" , \"id\" : 2 , \"method\" : \"test.echo\" , \"params\" : { } }\r")
                == #"{"id":2,"jsonrpc":"2.0","result":{}}"#)
    }

    @Test(arguments: ["", " ", "\t\t", "\r", "  \r"])
    func ignoresBlankLines(line: String) {
        guard case .silent = harness.handle(line) else {
            Issue.record("a blank line was answered")
            return
        }
    }

    @Test(arguments: [
        #"{"jsonrpc":"2.0","method":"test.add","params":{"a":1,"b":2}}"#,
        #"{"jsonrpc":"2.0","method":"no.such.method"}"#,
        #"{"jsonrpc":"2.0","method":"test.add","params":{"a":"one"}}"#,
        #"{"jsonrpc":"2.0","method":"test.rpcError"}"#,
        #"{"jsonrpc":"2.0","method":"test.crash"}"#,
        #"{"jsonrpc":"2.0","method":"test.inline"}"#,
    ])
    func neverAnswersNotifications(line: String) {
        guard case .silent = harness.handle(line) else {
            Issue.record("notification \(line) was answered")
            return
        }
    }

    @Test func aCrashingNotificationIsStillLogged() {
        _ = harness.handle(#"{"jsonrpc":"2.0","method":"test.crash"}"#)
        #expect(harness.internalErrors.all.map(\.method) == ["test.crash"])
    }

    // MARK: - Ids

    @Test(arguments: [
        (#""abc""#, #""abc""#),
        (#""""#, #""""#),
        (#""\u00e9\n""#, #""é\n""#),
        ("0", "0"),
        ("-17", "-17"),
        ("9007199254740993", "9007199254740993"),
        ("1.5", "1.5"),
        ("-0.25", "-0.25"),
        ("null", "null"),
    ])
    func echoesTheIDItWasGiven(id: String, echoed: String) {
        #expect(
            harness.reply(#"{"jsonrpc":"2.0","id":\#(id),"method":"test.echo","params":{"x":1}}"#)
                == #"{"id":\#(echoed),"jsonrpc":"2.0","result":{"x":1}}"#)
    }

    @Test(arguments: ["true", "false", "[]", "[1]", "{}", #"{"id":1}"#])
    func rejectsIDsOfOtherTypesAnsweringUnderNull(id: String) throws {
        let reply = try harness.replyJSON(#"{"jsonrpc":"2.0","id":\#(id),"method":"test.echo"}"#)
        #expect(reply["id"] == .null)
        #expect(reply["error"]?["code"] == .int(-32600))
        #expect(reply["error"]?["message"]?.stringValue?.contains("id must be a string, number or null") == true)
        #expect(reply["result"] == nil)
    }

    // MARK: - -32700 parse error

    @Test(arguments: [
        "{", #"{"jsonrpc":"2.0","id":1,"method":"test.echo""#, "nul", "{'a':1}", #"{"a":1,}"#, "[1,]", "01",
        #""\x""#, "{} {}", "\u{1}",
    ])
    func unparsableJSONIsAParseErrorUnderNullID(line: String) throws {
        let reply = try harness.replyJSON(line)
        #expect(reply["id"] == .null)
        #expect(reply["jsonrpc"] == "2.0")
        #expect(reply["error"]?["code"] == .int(-32700))
        #expect(reply["error"]?["data"]?["kind"] == "parseError")
        #expect(reply["error"]?["message"]?.stringValue?.hasPrefix("Parse error: ") == true)
    }

    @Test(
        arguments: [
            [0xFF], [0x22, 0xC3, 0x28, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22],
            [0x22, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x22],
        ] as [[UInt8]])
    func invalidUTF8IsAParseError(bytes: [UInt8]) throws {
        var line = Array(#"{"jsonrpc":"2.0","id":1,"method":"#.utf8)
        line += bytes
        line += Array("}".utf8)
        guard case .ready(let text) = harness.handle(bytes: line) else {
            Issue.record("no reply to invalid UTF-8")
            return
        }
        let reply = try JSONValue(parsing: text)
        #expect(reply["error"]?["code"] == .int(-32700))
        #expect(reply["id"] == .null)
    }

    @Test func deeplyNestedInputIsRefusedWithoutExhaustingTheStack() throws {
        let line = String(repeating: "[", count: 100_000)
        let reply = try harness.replyJSON(line)
        #expect(reply["error"]?["code"] == .int(-32700))
        let balanced = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(try harness.replyJSON(balanced)["error"]?["code"] == .int(-32700))
    }

    // MARK: - -32600 invalid request

    @Test(arguments: [
        (#"{"jsonrpc":"1.0","id":1,"method":"test.echo"}"#, "1", #"jsonrpc must be "2.0""#),
        (#"{"jsonrpc":2.0,"id":1,"method":"test.echo"}"#, "1", #"jsonrpc must be "2.0""#),
        (#"{"id":1,"method":"test.echo"}"#, "1", #"missing "jsonrpc""#),
        (#"{"id":1}"#, "1", #"missing "jsonrpc""#),
        (#"{"jsonrpc":"2.0","id":1}"#, "1", #"missing "method""#),
        (#"{"jsonrpc":"2.0","id":1,"result":{"pong":true}}"#, "1", "a response is not a request"),
        (#"{"jsonrpc":"2.0","id":1,"error":{"code":1,"message":"x"}}"#, "1", "a response is not a request"),
        (#"{"jsonrpc":"2.0","id":1,"method":7}"#, "1", "method must be a string, got integer"),
        (#"{"jsonrpc":"2.0","id":"x","method":null}"#, #""x""#, "method must be a string, got null"),
        (
            #"{"jsonrpc":"2.0","id":1,"method":"test.echo","params":"a"}"#, "1",
            "params must be an object or an array, got string"
        ),
        (
            #"{"jsonrpc":"2.0","id":1,"method":"test.echo","params":3}"#, "1",
            "params must be an object or an array, got integer"
        ),
        (#"{"jsonrpc":"2.0","method":"test.echo","params":true}"#, "null", "params must be an object or an array"),
        // The specification allows only a structured value; null is not one.
        (
            #"{"jsonrpc":"2.0","id":1,"method":"test.add","params":null}"#, "1",
            "params must be an object or an array, got null"
        ),
        (#"{"jsonrpc":"1.0","method":"test.echo"}"#, "null", #"jsonrpc must be "2.0""#),
    ])
    func invalidRequestsAreAnsweredWithTheirIDWhenItIsWellFormed(line: String, id: String, reason: String) throws {
        let reply = harness.reply(line)
        #expect(reply.hasSuffix(#","id":\#(id),"jsonrpc":"2.0"}"#), "\(reply)")
        let parsed = try JSONValue(parsing: reply)
        #expect(parsed["error"]?["code"] == .int(-32600))
        #expect(parsed["error"]?["data"]?["kind"] == "invalidRequest")
        let message = parsed["error"]?["message"]?.stringValue ?? ""
        #expect(message.hasPrefix("Invalid request: ") && message.contains(reason), "\(message)")
    }

    @Test(arguments: ["1", #""text""#, "null", "true", "3.5"])
    func aMessageThatIsNotAnObjectIsAnInvalidRequest(line: String) throws {
        let reply = try harness.replyJSON(line)
        #expect(reply["error"]?["code"] == .int(-32600))
        #expect(reply["id"] == .null)
    }

    // MARK: - -32601 method not found

    @Test func unknownMethodsNameTheMethod() {
        #expect(
            harness.reply(#"{"jsonrpc":"2.0","id":9,"method":"rules.nuke"}"#)
                == #"{"error":{"code":-32601,"data":{"kind":"methodNotFound","method":"rules.nuke"},"message":"Method not found: rules.nuke"},"id":9,"jsonrpc":"2.0"}"#
        )
    }

    @Test func methodNamesAreCaseSensitive() throws {
        #expect(
            try harness.replyJSON(#"{"jsonrpc":"2.0","id":1,"method":"TEST.ADD"}"#)["error"]?["code"] == .int(-32601))
    }

    // MARK: - -32602 invalid params

    @Test func paramsByPositionAreRejected() {
        #expect(
            harness.reply(#"{"jsonrpc":"2.0","id":1,"method":"test.add","params":[1,2]}"#)
                == #"{"error":{"code":-32602,"data":{"kind":"invalidParams","reason":"params must be given by name, as an object"},"message":"Invalid params: params must be given by name, as an object"},"id":1,"jsonrpc":"2.0"}"#
        )
    }

    @Test func unknownParamsAreRejectedNamingTheField() throws {
        let error = try harness.replyJSON(
            #"{"jsonrpc":"2.0","id":1,"method":"test.add","params":{"a":1,"b":2,"bb":3}}"#)["error"]
        #expect(error?["code"] == .int(-32602))
        #expect(error?["message"] == #"Invalid params: unknown field "bb""#)
        withKnownIssue("JSONDecodingError.unknownFields keeps the names only in its message, so data.field is absent") {
            #expect(error?["data"]?["field"] == "bb")
        }
    }

    @Test func aMethodWithoutParamsAcceptsEveryEmptySpellingAndRejectsAnyMember() throws {
        for params in ["", #","params":{}"#, #","params":[]"#] {
            #expect(
                harness.reply(#"{"jsonrpc":"2.0","id":1,"method":"test.ping"\#(params)}"#)
                    == #"{"id":1,"jsonrpc":"2.0","result":{}}"#)
        }
        let error = try harness.replyJSON(#"{"jsonrpc":"2.0","id":1,"method":"test.ping","params":{"verbose":true}}"#)[
            "error"]
        #expect(error?["code"] == .int(-32602))
        #expect(error?["message"] == #"Invalid params: unknown field "verbose""#)
        #expect(
            try harness.replyJSON(#"{"jsonrpc":"2.0","id":1,"method":"test.ping","params":[1]}"#)["error"]?["code"]
                == .int(-32602))
    }

    @Test(arguments: [
        (#"{"a":"one","b":2}"#, "a"),
        (#"{"a":1}"#, "b"),
        (#"{"a":1,"b":2.5}"#, "b"),
        (#"{"a":1,"b":2,"note":5}"#, "note"),
    ])
    func wrongOrMissingParamsNameTheField(params: String, field: String) throws {
        let error = try harness.replyJSON(#"{"jsonrpc":"2.0","id":1,"method":"test.add","params":\#(params)}"#)["error"]
        #expect(error?["code"] == .int(-32602))
        #expect(error?["data"]?["kind"] == "invalidParams")
        #expect(error?["data"]?["field"] == .string(field))
        #expect(error?["data"]?["reason"]?.stringValue?.isEmpty == false)
    }

    @Test func absentAndEmptyParamsReachTheParamsDecoder() throws {
        for params in ["", #","params":[]"#, #","params":{}"#] {
            let error = try harness.replyJSON(#"{"jsonrpc":"2.0","id":1,"method":"test.add"\#(params)}"#)["error"]
            // test.add needs a and b: every spelling of "nothing" reaches the params decoder.
            #expect(error?["code"] == .int(-32602), "\(params)")
            #expect(error?["data"]?["field"] == "a", "\(params)")
        }
    }

    // MARK: - Application errors and -32603

    @Test func thrownRPCErrorsReachTheClientAsThrown() {
        #expect(
            harness.reply(#"{"jsonrpc":"2.0","id":1,"method":"test.rpcError"}"#)
                == #"{"error":{"code":-32003,"data":{"kind":"permissionDenied"},"message":"not you"},"id":1,"jsonrpc":"2.0"}"#
        )
        #expect(harness.internalErrors.all.isEmpty)
    }

    @Test func convertibleErrorsAreConvertedByTheDispatcher() {
        #expect(
            harness.reply(#"{"jsonrpc":"2.0","id":1,"method":"test.convertible"}"#)
                == #"{"error":{"code":-32001,"data":{"kind":"notFound","rule":7},"message":"no rule 7"},"id":1,"jsonrpc":"2.0"}"#
        )
    }

    @Test func otherErrorsBecomeInternalErrorsWithoutLeakingDetails() {
        let reply = harness.reply(#"{"jsonrpc":"2.0","id":"c","method":"test.crash"}"#)
        #expect(
            reply
                == #"{"error":{"code":-32603,"data":{"kind":"internal"},"message":"Internal error"},"id":"c","jsonrpc":"2.0"}"#
        )
        #expect(!reply.contains("secret") && !reply.contains("socd.db") && !reply.contains("DiskOnFire"))
        let logged = harness.internalErrors.all
        #expect(logged.count == 1)
        #expect(logged.first?.method == "test.crash")
        #expect(logged.first?.text.contains("sector 7") == true, "the details go to the log")
    }
}
