import Glibc
import JSONRPC
import SocPOSIX
import SocProtocol
import SocStore
import Testing

@testable import SocDaemon

/// The daemon's handlers behind the real dispatcher, on a temporary store.
@Suite struct DaemonAPITests {
    @Test func setLogLevelPersistsAppliesAndAuditsTheCaller() throws {
        let api = try InProcessAPI(daemonUID: 4242)
        let owner = api.context(uid: 4242, gid: 7, pid: 555)
        let reply = try api.call(
            #"{"jsonrpc":"2.0","id":1,"method":"system.setLogLevel","params":{"level":"debug"}}"#, as: owner)
        #expect(reply["result"] == ["level": "debug", "previous": "info"])
        #expect(api.services.logger.level == .debug)
        #expect(try api.store.setting(DaemonSettingKey.logLevel) == "debug")

        let records = try api.store.listAudit()
        #expect(records.count == 1)
        #expect(records.first?.method == "system.setLogLevel")
        #expect(records.first?.uid == 4242)
        #expect(records.first?.gid == 7)
        #expect(records.first?.pid == 555)
        #expect(records.first?.outcome == .ok)
        #expect(records.first?.params == #"{"level":"debug"}"#)

        let listed = try api.call(#"{"jsonrpc":"2.0","id":2,"method":"audit.list"}"#, as: api.context(uid: 1))
        #expect(listed["result"]?["entries"]?.arrayValue?.first?["uid"] == 4242)
    }

    @Test func aCallerWithoutRightsIsRefusedAndTheAttemptAudited() throws {
        let api = try InProcessAPI(daemonUID: 4242)
        let stranger = api.context(uid: 65534, gid: 65534)
        #expect(!stranger.mayChangeState)
        let reply = try api.call(
            #"{"jsonrpc":"2.0","id":1,"method":"system.setLogLevel","params":{"level":"error"}}"#, as: stranger)
        #expect(reply["error"]?["code"] == .int(-32003))
        #expect(reply["error"]?["data"]?["kind"] == "permissionDenied")
        #expect(reply["error"]?["data"]?["method"] == "system.setLogLevel")
        #expect(api.services.logger.level == .info, "nothing changed")
        #expect(try api.store.setting(DaemonSettingKey.logLevel) == nil)

        let recorded = try #require(try awaitAudit(api.store, count: 1).first)
        #expect(recorded.outcome == .denied)
        #expect(recorded.uid == 65534)
        #expect(recorded.errorCode == -32003)

        // Reads stay open to the same caller.
        #expect(
            try api.call(#"{"jsonrpc":"2.0","id":2,"method":"system.ping"}"#, as: stranger)["result"] == ["pong": true])
    }

    @Test func badParamsOfAWriteAreAnsweredAndAuditedAsErrors() throws {
        let api = try InProcessAPI(daemonUID: 4242)
        let reply = try api.call(
            #"{"jsonrpc":"2.0","id":1,"method":"system.setLogLevel","params":{"level":"loud"}}"#,
            as: api.context(uid: 4242))
        #expect(reply["error"]?["code"] == .int(-32602))
        #expect(reply["error"]?["data"]?["field"] == "level")
        let recorded = try #require(try awaitAudit(api.store, count: 1).first)
        #expect(recorded.outcome == .error)
        #expect(recorded.errorCode == -32602)
    }

    @Test func statusReportsTheDaemonsFacts() throws {
        let api = try InProcessAPI()
        let status = try api.call(#"{"jsonrpc":"2.0","id":1,"method":"system.status"}"#, as: api.context(uid: 1))[
            "result"]
        #expect(status?["pid"] == 99)
        #expect(status?["listener"] == "bound")
        #expect(status?["socketPath"] == .string(api.directory.file("socd.sock")))
        #expect(status?["logLevel"] == "info")
        #expect(status?["exitIdleSeconds"] == nil)
    }

    @Test func discoverListsEveryRegisteredMethod() throws {
        let api = try InProcessAPI()
        let document = try api.call(#"{"jsonrpc":"2.0","id":1,"method":"rpc.discover"}"#, as: api.context(uid: 1))[
            "result"]
        #expect(document?["openrpc"]?.stringValue?.hasPrefix("1.") == true)
        let names = Set(document?["methods"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [])
        #expect(names == Set(SocAPI.methods.map { $0.method }))
        #expect(names == Set(api.dispatcher.router.methods))
    }

    @Test func subscriptionsBelongToTheirConnection() throws {
        let api = try InProcessAPI()
        let first = api.context(uid: 1)
        let second = api.context(uid: 1)
        let subscribed = try api.call(
            #"{"jsonrpc":"2.0","id":1,"method":"events.subscribe","params":{"topics":["audit"]}}"#, as: first)
        let id = try #require(subscribed["result"]?["subscription"]?.intValue)
        let stolen = try api.call(
            #"{"jsonrpc":"2.0","id":2,"method":"events.unsubscribe","params":{"subscription":\#(id)}}"#, as: second)
        #expect(stolen["error"]?["code"] == .int(-32001))
        #expect(api.services.events.subscriptionCount == 1)
        let mine = try api.call(
            #"{"jsonrpc":"2.0","id":3,"method":"events.unsubscribe","params":{"subscription":\#(id)}}"#, as: first)
        #expect(mine["result"] == [:])
        #expect(api.services.events.subscriptionCount == 0)
    }

    /// Refusals are recorded without holding up their reply; waits (bounded) for them to land.
    private func awaitAudit(_ store: Store, count: Int) throws -> [AuditRecord] {
        let deadline = MonotonicClock.milliseconds + 5000
        while MonotonicClock.milliseconds < deadline {
            let records = try store.listAudit()
            if records.count >= count { return records }
            usleep(2000)
        }
        throw TestFailure("the audit trail did not reach \(count) entries")
    }
}
