import JSONRPC
import Testing

/// A single request's object is read member by member, without building it (`RPCEnvelope`);
/// a batch element is built whole and then read. Both must mean the same thing for every input.
@Suite struct RPCEnvelopeTests {
    let harness = RPCDispatcherHarness()

    /// The reply to `line` sent alone, and to `line` as the only element of a batch.
    private func singleAndBatchReplies(_ line: String) -> (single: String, batch: String) {
        (harness.reply(line), harness.reply("[" + line + "]"))
    }

    @Test(arguments: [
        #"{"jsonrpc":"2.0","id":1,"method":"test.echo","params":{"x":[1,{"y":null}]}}"#,
        #"{"params":{"x":1},"method":"test.echo","id":"abc","jsonrpc":"2.0"}"#,
        #"{"jsonrpc":"2.0","\u0069d":7,"m\u0065thod":"test.echo","params":{"x":1}}"#,
        #"{"jsonrpc":"2.0","id":1,"id":2,"method":"test.echo"}"#,
        #"{"jsonrpc":"2.0","id":1,"method":"test.add","method":"test.echo","params":[]}"#,
        #"{"jsonrpc":"2.0","id":1,"method":"test.echo","extension":{"ignored":true},"params":{}}"#,
        #"{"jsonrpc":"2.0","id":1,"result":5}"#,
        #"{"jsonrpc":"2.0","id":1,"error":{"code":1}}"#,
        #"{"jsonrpc":"2.0","id":[1],"method":"test.echo"}"#,
        #"{"jsonrpc":"2.0","id":1,"method":"test.echo","params":"text"}"#,
        #"{"jsonrpc":"2.0","id":1}"#,
        #"{"id":1,"method":"test.echo"}"#,
        #"{ "jsonrpc" : "2.0" , "id" : 1.5 , "method" : "test.echo" }"#,
        #"{"jsonrpc":"2.0","id":1,"method":"test.echo","params":{"caf\u00e9":"\ud83d\ude00"}}"#,
        #"{"jsonrpc":"2.0","id":1,"méthode":"x","method":"test.echo"}"#,
        "{}",
    ])
    func aSingleRequestMeansWhatTheSameObjectMeansInABatch(line: String) {
        let (single, batch) = singleAndBatchReplies(line)
        #expect(batch == "[" + single + "]")
    }

    @Test func escapedMemberNamesAreTheMembersTheySpell() {
        #expect(
            harness.reply(#"{"jsonrpc":"2.0","\u0069d":7,"m\u0065thod":"test.echo","p\u0061rams":{"x":1}}"#)
                == #"{"id":7,"jsonrpc":"2.0","result":{"x":1}}"#)
    }

    @Test func aRepeatedMemberCountsOnceWithItsLastValue() {
        #expect(
            harness.reply(#"{"jsonrpc":"2.0","id":1,"method":"test.echo","id":2}"#)
                == #"{"id":2,"jsonrpc":"2.0","result":null}"#)
    }

    @Test(arguments: [
        #"{"jsonrpc":"2.0","id":1,"method":"test.echo"} x"#,
        #"{"jsonrpc":"2.0","id":1,"method":"test.echo"}}"#,
        #"{"jsonrpc":"2.0","id":1,"method":"test.echo",}"#,
        #"{"jsonrpc":"2.0","id":1,"method":"test.echo""#,
        #"{"jsonrpc":"2.0","id" 1}"#,
        #"{"jsonrpc":"2.0","id":}"#,
        #"{"jsonrpc":"2.0",id:1}"#,
        #"{"jsonrpc":"2.0","id"#,
        #"{"jsonrpc":"2.0","i\d":1}"#,
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\",\"\u{1}\":0}",
        #"{"#,
    ])
    func malformedObjectsAreParseErrorsWithANullID(line: String) throws {
        let reply = try harness.replyJSON(line)
        #expect(reply["error"]?["code"] == .int(-32700))
        #expect(reply["id"] == .null)
    }

    /// The message object counts against the nesting limit like any other container.
    @Test func theMessageObjectCountsTowardsTheDepthLimit() throws {
        let limit = JSONValue.defaultMaximumDepth
        func request(paramsDepth depth: Int) -> String {
            #"{"jsonrpc":"2.0","id":1,"method":"test.echo","params":"#
                + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        }
        #expect(try harness.replyJSON(request(paramsDepth: limit - 1))["result"] != nil)
        let tooDeep = try harness.replyJSON(request(paramsDepth: limit))
        #expect(tooDeep["error"]?["code"] == .int(-32700))
        #expect(tooDeep["error"]?["message"]?.stringValue?.contains("nesting deeper than \(limit) levels") == true)
        // The same message, at the same byte, as for a batch element or any other document.
        let single = try harness.replyJSON(String(repeating: #"{"a":"#, count: limit + 1))
        #expect(
            single["error"]?["message"]?.stringValue
                == "Parse error: nesting deeper than \(limit) levels at byte \(5 * limit)")
    }
}
