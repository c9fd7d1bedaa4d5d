import Glibc
import SocPOSIX
import Testing

@Suite struct AccountsTests {
    @Test func identityMatchesTheCLibrary() {
        #expect(Accounts.currentUID == getuid())
        #expect(Accounts.effectiveUID == geteuid())
        #expect(Accounts.currentGID == getgid())
    }

    @Test func rootIsKnownByNameAndGroup() throws {
        #expect(try Accounts.userName(uid: 0) == "root")
        #expect(try Accounts.groupID(named: "root") == 0)
    }

    @Test func unknownNamesAreNil() throws {
        #expect(try Accounts.groupID(named: "no-such-group-socd-test") == nil)
        #expect(try Accounts.userName(uid: 3_999_999_999) == nil)
    }

    @Test func rootBelongsToItsPrimaryGroup() throws {
        #expect(try Accounts.isMember(uid: 0, primaryGID: 0, ofGroup: 0))
        #expect(try Accounts.groupList(userName: "root", primaryGID: 0).first == 0)
    }

    @Test func membershipFollowsTheGroupDatabase() throws {
        // Every group root is listed in by the C library, and no other, counts as membership.
        let listed = try Accounts.groupList(userName: "root", primaryGID: 0)
        let nogroup = try #require(try Accounts.groupID(named: "nogroup"))
        #expect(try Accounts.isMember(uid: 0, primaryGID: 0, ofGroup: nogroup) == listed.contains(nogroup))
        for group in listed {
            #expect(try Accounts.isMember(uid: 0, primaryGID: 0, ofGroup: group))
        }
    }

    @Test func userWithoutAnEntryBelongsOnlyToItsPrimaryGroup() throws {
        let uid: uid_t = 3_999_999_999
        #expect(try Accounts.isMember(uid: uid, primaryGID: 4242, ofGroup: 4242))
        #expect(try !Accounts.isMember(uid: uid, primaryGID: 4242, ofGroup: 0))
    }
}
