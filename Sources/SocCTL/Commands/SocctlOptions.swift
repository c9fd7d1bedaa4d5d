/// The options every socctl command accepts.
enum SocctlOptions {
    static let socket = OptionSpec.option(
        "socket", short: "s", valueName: "PATH",
        help: "The socket of socd (default: $SOCD_SOCKET, else the path socd itself uses).", completion: .files)

    static let json = OptionSpec.flag("json", short: "j", help: "Print the result as JSON, compactly on one line.")

    static let timeout = OptionSpec.option(
        "timeout", valueName: "SECONDS",
        help: "Give up on a reply after SECONDS, exiting with 75; 0 waits as long as it takes. "
            + "Streams (events, watch, --follow) wait for events without a limit.",
        default: String(defaultTimeoutSeconds))

    /// fail2ban-client's default, and long enough for a million-rule import on a slow disk.
    static let defaultTimeoutSeconds = 30
}
