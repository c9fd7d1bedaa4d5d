/// The options every socctl command accepts.
enum SocctlOptions {
    static let socket = OptionSpec.option(
        "socket", short: "s", valueName: "PATH",
        help: "The socket of socd (default: $SOCD_SOCKET, else the path socd itself uses).", completion: .files)

    static let json = OptionSpec.flag("json", short: "j", help: "Print the result as JSON, compactly on one line.")
}
