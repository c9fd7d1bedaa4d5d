/// An error that knows how it should be reported: the message after `socctl: ` and the status to
/// exit with. Errors that do not conform are reported with their description and
/// `ExitStatus.software`, since an error nobody classified is a bug.
package protocol CommandLineError: Error {
    var message: String { get }
    var exitStatus: ExitStatus { get }
}
