import JSONRPC
import Testing

/// Handlers that answer later, from another thread, or inline through their responder.
@Suite struct RPCDeferredTests {
    let harness = RPCDispatcherHarness()

    private func pending(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> PendingWatcher? {
        guard case .pending(let watcher) = harness.handle(line) else {
            Issue.record("\(line) was not left pending", sourceLocation: sourceLocation)
            return nil
        }
        return watcher
    }

    @Test func aDeferredReplyArrivesFromAnotherThreadWhenTheWorkCompletes() throws {
        let watcher = try #require(pending(#"{"jsonrpc":"2.0","id":4,"method":"test.later","params":{"tag":"t1"}}"#))
        #expect(!watcher.hasArrived, "nothing may be sent before the handler completes")
        #expect(harness.gate.heldTags == ["t1"])
        harness.gate.release("t1")
        #expect(watcher.wait() == #"{"id":4,"jsonrpc":"2.0","result":{"tag":"t1"}}"#)
    }

    @Test func aDeferredFailureIsAnErrorReply() throws {
        let watcher = try #require(pending(#"{"jsonrpc":"2.0","id":"f","method":"test.later","params":{"tag":"t2"}}"#))
        harness.gate.release("t2", failing: true)
        #expect(
            watcher.wait()
                == #"{"error":{"code":-32002,"data":{"kind":"conflict"},"message":"t2 lost the race"},"id":"f","jsonrpc":"2.0"}"#
        )
    }

    @Test func aDeferredHandlerThatAnswersBeforeReturningIsAnsweredAtOnce() {
        #expect(
            harness.reply(#"{"jsonrpc":"2.0","id":5,"method":"test.inline"}"#)
                == #"{"id":5,"jsonrpc":"2.0","result":{"inline":true}}"#)
        #expect(
            harness.reply(#"{"jsonrpc":"2.0","id":6,"method":"test.inlineFailure"}"#)
                == #"{"error":{"code":-32603,"data":{"kind":"internal"},"message":"Internal error"},"id":6,"jsonrpc":"2.0"}"#
        )
        #expect(harness.internalErrors.all.map(\.method) == ["test.inlineFailure"])
    }

    @Test func badParamsOfADeferredMethodAreAnsweredAtOnce() throws {
        let reply = try harness.replyJSON(#"{"jsonrpc":"2.0","id":7,"method":"test.later","params":{"tag":1}}"#)
        #expect(reply["error"]?["code"] == .int(-32602))
        #expect(reply["error"]?["data"]?["field"] == "tag")
        #expect(harness.gate.heldTags.isEmpty)
    }

    @Test func aResponderDroppedWithoutAnAnswerRepliesInternalError() {
        // The responder may be released before or after the dispatcher looks for an inline
        // answer; either way the client is answered exactly once.
        let reply: String?
        switch harness.handle(#"{"jsonrpc":"2.0","id":8,"method":"test.forgotten"}"#) {
        case .ready(let text): reply = text
        case .pending(let watcher): reply = watcher.wait()
        case .silent: reply = nil
        }
        #expect(
            reply
                == #"{"error":{"code":-32603,"data":{"kind":"internal"},"message":"Internal error"},"id":8,"jsonrpc":"2.0"}"#
        )
    }

    @Test func aDeferredNotificationCompletesWithNoReplyBytes() throws {
        let watcher = try #require(pending(#"{"jsonrpc":"2.0","method":"test.later","params":{"tag":"n"}}"#))
        harness.gate.release("n")
        #expect(watcher.wait() == "")
    }

    @Test func manyDeferredRepliesCompletingOutOfOrderEachReachTheirRequest() throws {
        let tags = (0..<50).map { "r\($0)" }
        let watchers = try tags.map { tag in
            try #require(pending(#"{"jsonrpc":"2.0","id":"\#(tag)","method":"test.later","params":{"tag":"\#(tag)"}}"#))
        }
        for tag in tags.reversed() { harness.gate.release(tag) }
        for (tag, watcher) in zip(tags, watchers) {
            #expect(watcher.wait() == #"{"id":"\#(tag)","jsonrpc":"2.0","result":{"tag":"\#(tag)"}}"#)
        }
    }
}
