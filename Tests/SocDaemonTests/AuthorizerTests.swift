import Glibc
import SocPOSIX
import Testing

@testable import SocDaemon

/// Who may change state: root, socd's own uid, members of the admin group; nobody else.
@Suite struct AuthorizerTests {
    let missingGroup = "socd-test-no-such-group"

    @Test func rootAndTheDaemonsOwnUserMayChangeState() {
        let authorizer = Authorizer(daemonUID: 4242, adminGroupName: missingGroup)
        #expect(authorizer.mayChangeState(PeerCredentials(pid: 1, uid: 0, gid: 0)))
        #expect(authorizer.mayChangeState(PeerCredentials(pid: 1, uid: 4242, gid: 9999)))
    }

    @Test func othersMayNotWhenTheAdminGroupDoesNotExist() {
        let authorizer = Authorizer(daemonUID: 4242, adminGroupName: missingGroup)
        #expect(authorizer.adminGroupID == nil)
        #expect(!authorizer.mayChangeState(PeerCredentials(pid: 1, uid: 65534, gid: 65534)))
        #expect(!authorizer.mayChangeState(PeerCredentials(pid: 1, uid: 1000, gid: 0)), "gid 0 is not the admin group")
    }

    @Test func aPeerWhosePrimaryGroupIsTheAdminGroupMay() throws {
        // Every Linux system has group 0; use it as the admin group.
        let name = try #require(groupName(0))
        let authorizer = Authorizer(daemonUID: 4242, adminGroupName: name)
        #expect(authorizer.adminGroupID == 0)
        #expect(authorizer.mayChangeState(PeerCredentials(pid: 1, uid: 65534, gid: 0)))
        #expect(!authorizer.mayChangeState(PeerCredentials(pid: 1, uid: 65534, gid: 65534)))
    }

    @Test func theRefusalSaysWhatWasNeededAndWhoTheCallerIs() {
        let authorizer = Authorizer(daemonUID: 4242, adminGroupName: "socd")
        let message = authorizer.refusal(method: "rules.add", peer: PeerCredentials(pid: 1, uid: 1000, gid: 1000))
        #expect(message.contains("rules.add"))
        #expect(message.contains("uid 4242"))
        #expect(message.contains("'socd'"))
        #expect(message.contains("you are uid 1000"))
    }

    private func groupName(_ gid: gid_t) -> String? {
        guard let entry = getgrgid(gid) else { return nil }
        return String(cString: entry.pointee.gr_name)
    }
}
