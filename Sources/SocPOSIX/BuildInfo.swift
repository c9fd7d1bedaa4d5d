import CSocShims

/// Facts fixed when the binaries were built.
package enum BuildInfo {
    /// The git revision of the source tree (`-dirty` when it had uncommitted changes).
    package static let revision = String(cString: CSocShims_build_revision())
}
