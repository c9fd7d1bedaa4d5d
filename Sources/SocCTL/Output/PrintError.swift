import Glibc

/// Writes `program: message` and a newline to standard error (or `stream`) and flushes it, so
/// that the message is out before anything else happens.
package func printError(_ message: String, program: String = "socctl", to stream: OutputStream? = nil) {
    let target = stream ?? OutputStream(fileDescriptor: STDERR_FILENO)
    target.write("\(program): \(message)\n")
    target.flush()
}
