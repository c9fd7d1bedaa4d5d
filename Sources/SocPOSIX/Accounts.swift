import Glibc

/// Users and groups, through the reentrant C library calls only (getpwuid_r, getgrnam_r,
/// getgrouplist), so any thread may call these at any time.
package enum Accounts {
    /// The real user ID of this process.
    package static var currentUID: uid_t { getuid() }
    /// The effective user ID, which decides what this process may do.
    package static var effectiveUID: uid_t { geteuid() }
    /// The real group ID of this process.
    package static var currentGID: gid_t { getgid() }

    /// The ID of the group called `name`; `nil` when no such group exists.
    package static func groupID(named name: String) throws(SystemError) -> gid_t? {
        var group = Glibc.group()
        return try withEntryBuffer(function: "getgrnam_r") { buffer, length in
            var result: UnsafeMutablePointer<Glibc.group>?
            let status = getgrnam_r(name, &group, buffer, length, &result)
            return (status, result?.pointee.gr_gid)
        }
    }

    /// The login name of `uid`; `nil` when the user database has no such user.
    package static func userName(uid: uid_t) throws(SystemError) -> String? {
        var user = passwd()
        return try withEntryBuffer(function: "getpwuid_r") { buffer, length in
            var result: UnsafeMutablePointer<passwd>?
            let status = getpwuid_r(uid, &user, buffer, length, &result)
            return (status, result.map { String(cString: $0.pointee.pw_name) })
        }
    }

    /// Whether a user whose primary group is `primaryGID` belongs to `group`, as its primary
    /// group or as a supplementary one listed in the group database.
    ///
    /// Peer credentials carry only the primary group, so supplementary groups are looked up
    /// by the user's name; a uid without a user entry belongs to its primary group only.
    package static func isMember(uid: uid_t, primaryGID: gid_t, ofGroup group: gid_t) throws(SystemError) -> Bool {
        if primaryGID == group {
            return true
        }
        guard let name = try userName(uid: uid) else {
            return false
        }
        return try groupList(userName: name, primaryGID: primaryGID).contains(group)
    }

    /// Every group `userName` belongs to, starting with `primaryGID` (getgrouplist(3)).
    package static func groupList(userName: String, primaryGID: gid_t) throws(SystemError) -> [gid_t] {
        var capacity: Int32 = 32
        while true {
            var count = capacity
            var groups = [gid_t](repeating: 0, count: Int(capacity))
            if getgrouplist(userName, primaryGID, &groups, &count) != -1 {
                return Array(groups.prefix(Int(count)))
            }
            // -1 means the array was too small and `count` now holds the size needed.
            guard count > capacity else {
                throw SystemError(errno: EINVAL, function: "getgrouplist")
            }
            capacity = count
        }
    }

    /// Runs a `get*_r` lookup with a scratch buffer, growing it while the call reports `ERANGE`.
    /// `body` returns the call's status and its answer (nil when there is no entry).
    private static func withEntryBuffer<Answer>(
        function: String, _ body: (UnsafeMutablePointer<CChar>, Int) -> (Int32, Answer?)
    ) throws(SystemError) -> Answer? {
        var length = 1024
        while true {
            let (status, answer) = withUnsafeTemporaryAllocation(of: CChar.self, capacity: length) {
                body($0.baseAddress!, length)
            }
            switch status {
            case 0:
                return answer
            case ENOENT, ESRCH, EBADF, EPERM:
                // Documented as possible "not found" results, besides a nil entry with 0.
                return nil
            case EINTR:
                continue
            case ERANGE where length < 1 << 20:
                length *= 4
            default:
                throw SystemError(errno: status, function: function)
            }
        }
    }
}
