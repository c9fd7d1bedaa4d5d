import JSONRPC
import Testing

/// Batches: one reply array in element order, notifications left out, junk answered in place.
@Suite struct RPCBatchTests {
    let harness = RPCDispatcherHarness(maximumBatchSize: 8)

    @Test func anEmptyBatchIsOneInvalidRequest() {
        for line in ["[]", "[ ]", " [\t] "] {
            #expect(
                harness.reply(line)
                    == #"{"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: empty batch"},"id":null,"jsonrpc":"2.0"}"#
            )
        }
    }

    @Test func aMixedBatchIsAnsweredInElementOrderWithoutTheNotifications() throws {
        let line = """
            [{"jsonrpc":"2.0","id":1,"method":"test.add","params":{"a":1,"b":1}},\
            {"jsonrpc":"2.0","method":"test.add","params":{"a":5,"b":5}},\
            {"jsonrpc":"2.0","id":"two","method":"no.such"},\
            {"jsonrpc":"2.0","id":3,"method":"test.inline"}]
            """
        #expect(
            harness.reply(line)
                == #"[{"id":1,"jsonrpc":"2.0","result":{"sum":2}},{"error":{"code":-32601,"data":{"kind":"methodNotFound","method":"no.such"},"message":"Method not found: no.such"},"id":"two","jsonrpc":"2.0"},{"id":3,"jsonrpc":"2.0","result":{"inline":true}}]"#
        )
    }

    @Test func junkElementsGetOneInvalidRequestEach() throws {
        let reply = try harness.replyJSON(
            #"[1,"x",null,{"foo":"boo"},[],{"jsonrpc":"2.0","id":5,"method":"test.echo","params":{}}]"#)
        let elements = try #require(reply.arrayValue)
        #expect(elements.count == 6)
        for element in elements.prefix(5) {
            #expect(element["error"]?["code"] == .int(-32600))
            #expect(element["id"] == .null)
        }
        #expect(elements.last == ["id": 5, "jsonrpc": "2.0", "result": [:]])
    }

    @Test func anAllNotificationBatchGetsNoReply() {
        let line =
            #"[{"jsonrpc":"2.0","method":"test.add","params":{"a":1,"b":2}},{"jsonrpc":"2.0","method":"test.crash"}]"#
        guard case .silent = harness.handle(line) else {
            Issue.record("an all-notification batch was answered")
            return
        }
    }

    @Test func aBatchOfOneIsStillAnArray() {
        #expect(
            harness.reply(#"[{"jsonrpc":"2.0","id":1,"method":"test.echo"}]"#)
                == #"[{"id":1,"jsonrpc":"2.0","result":null}]"#)
    }

    @Test func aBatchOverTheLimitIsOneInvalidRequest() throws {
        let element = #"{"jsonrpc":"2.0","id":1,"method":"test.echo"}"#
        let reply = try harness.replyJSON("[" + Array(repeating: element, count: 9).joined(separator: ",") + "]")
        #expect(reply["error"]?["code"] == .int(-32600))
        #expect(reply["error"]?["message"]?.stringValue?.contains("limit of 8") == true)
        let atLimit = try harness.replyJSON("[" + Array(repeating: element, count: 8).joined(separator: ",") + "]")
        #expect(atLimit.arrayValue?.count == 8)
    }

    @Test func anUnparsableBatchIsOneParseError() throws {
        let reply = try harness.replyJSON(#"[{"jsonrpc":"2.0","id":1,"method":"test.echo"},{"jsonrpc":"2.0","method""#)
        #expect(reply["error"]?["code"] == .int(-32700))
        #expect(reply.arrayValue == nil)
    }

    @Test func nestedBatchesAreInvalidElements() throws {
        let reply = try harness.replyJSON(#"[[{"jsonrpc":"2.0","id":1,"method":"test.echo"}]]"#)
        #expect(reply.arrayValue?.first?["error"]?["code"] == .int(-32600))
    }

    @Test func deferredElementsAreAssembledInElementOrder() throws {
        let line = """
            [{"jsonrpc":"2.0","id":1,"method":"test.later","params":{"tag":"a"}},\
            {"jsonrpc":"2.0","id":2,"method":"test.add","params":{"a":2,"b":2}},\
            {"jsonrpc":"2.0","method":"test.later","params":{"tag":"quiet"}},\
            {"jsonrpc":"2.0","id":3,"method":"test.later","params":{"tag":"b"}},\
            {"jsonrpc":"2.0","id":4,"method":"test.inline"}]
            """
        guard case .pending(let watcher) = harness.handle(line) else {
            Issue.record("a batch with deferred elements must be pending")
            return
        }
        #expect(harness.gate.heldTags == ["a", "b", "quiet"])
        harness.gate.release("b")
        harness.gate.release("quiet")
        #expect(watcher.wait(seconds: 0.2) == nil, "the batch waits for its last element")
        harness.gate.release("a")
        #expect(
            watcher.wait()
                == #"[{"id":1,"jsonrpc":"2.0","result":{"tag":"a"}},{"id":2,"jsonrpc":"2.0","result":{"sum":4}},{"id":3,"jsonrpc":"2.0","result":{"tag":"b"}},{"id":4,"jsonrpc":"2.0","result":{"inline":true}}]"#
        )
    }

    @Test func aBatchOfDeferredNotificationsCompletesWithNoReply() throws {
        let line =
            #"[{"jsonrpc":"2.0","method":"test.later","params":{"tag":"x"}},{"jsonrpc":"2.0","method":"test.later","params":{"tag":"y"}}]"#
        guard case .pending(let watcher) = harness.handle(line) else {
            Issue.record("deferred notifications leave the batch pending")
            return
        }
        harness.gate.release("x")
        harness.gate.release("y")
        #expect(watcher.wait() == "")
    }
}
