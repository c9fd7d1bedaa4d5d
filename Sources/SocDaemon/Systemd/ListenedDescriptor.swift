import SocPOSIX

/// A descriptor systemd passed to socd under socket activation, with the name its socket
/// unit gave it (`FileDescriptorName=`, "unknown" when the unit set none).
package struct ListenedDescriptor: Sendable, Hashable {
    package var descriptor: FileDescriptor
    package var name: String

    package init(descriptor: FileDescriptor, name: String) {
        self.descriptor = descriptor
        self.name = name
    }
}
