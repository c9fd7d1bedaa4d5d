import CSystemd
import Glibc
import SocPOSIX

/// systemd's service-side protocols: socket activation and readiness notification.
///
/// The only Swift code that imports CSystemd. Everything here degrades quietly when socd
/// does not run under systemd: no passed descriptors, notifications that go nowhere.
package enum Systemd {
    /// The descriptors systemd passed (sd_listen_fds_with_names), in order from fd 3.
    ///
    /// Empty when socd was not socket-activated or the variables were meant for another
    /// process (`LISTEN_PID` differs). Unsets `LISTEN_PID`, `LISTEN_FDS` and
    /// `LISTEN_FDNAMES`, so children cannot mistake the descriptors for theirs; the
    /// descriptors themselves get close-on-exec. Call once, at startup, before threads exist
    /// (it changes the environment).
    package static func listenFileDescriptors() throws(SystemError) -> [ListenedDescriptor] {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = sd_listen_fds_with_names(1, &names)
        guard count >= 0 else {
            throw SystemError(errno: -count, function: "sd_listen_fds_with_names")
        }
        defer {
            if let names {
                for index in 0..<Int(count) {
                    free(names[index])
                }
                free(names)
            }
        }
        return (0..<Int(count)).map { index in
            let name = names?[index].map { String(cString: $0) } ?? "unknown"
            return ListenedDescriptor(
                descriptor: FileDescriptor(rawValue: SD_LISTEN_FDS_START + Int32(index)), name: name)
        }
    }

    /// Whether `descriptor` is a Unix stream socket in the listening state (sd_is_socket_unix),
    /// the only kind of passed descriptor socd can serve on.
    package static func isUnixStreamSocket(_ descriptor: FileDescriptor) -> Bool {
        sd_is_socket_unix(descriptor.rawValue, Int32(SOCK_STREAM.rawValue), 1, nil, 0) > 0
    }
}
