import Glibc

/// The process environment.
///
/// The C library does not synchronize readers with writers: set and unset variables only
/// while no other thread can be reading the environment (at startup, before threads exist).
package enum Environment {
    /// The value of `name`; `nil` when unset. An empty value is returned as `""`.
    package static func get(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Sets `name` to `value`.
    package static func set(_ name: String, to value: String) throws(SystemError) {
        try syscall("setenv") { setenv(name, value, 1) }
    }

    /// Removes `name`, so child processes do not inherit it either.
    package static func unset(_ name: String) throws(SystemError) {
        try syscall("unsetenv") { unsetenv(name) }
    }
}
