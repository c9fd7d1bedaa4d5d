/// The release version of socd and socctl; the build revision comes from the build.
package enum SocdVersion {
    package static let release = "0.1.0"
}
