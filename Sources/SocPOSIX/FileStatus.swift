import Glibc

/// The parts of lstat(2) socd looks at.
package struct FileStatus: Sendable, Hashable {
    /// What kind of file a path names.
    package enum Kind: Sendable, Hashable {
        case regular, directory, socket, symbolicLink, other
    }

    package var kind: Kind
    /// Permission bits only (`0o660`), without the file type.
    package var permissions: mode_t
    package var ownerUID: uid_t
    package var ownerGID: gid_t
    package var device: UInt64
    package var inode: UInt64
    /// Bytes, for regular files.
    package var size: Int64

    init(_ raw: stat) {
        switch raw.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFSOCK: kind = .socket
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
        permissions = raw.st_mode & 0o7777
        ownerUID = raw.st_uid
        ownerGID = raw.st_gid
        device = UInt64(raw.st_dev)
        inode = UInt64(raw.st_ino)
        size = Int64(raw.st_size)
    }
}
