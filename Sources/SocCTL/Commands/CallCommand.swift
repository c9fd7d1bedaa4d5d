import Glibc
import JSONRPC
import SocPOSIX

/// `socctl call METHOD [PARAMS]`: any method, params as JSON, the result pretty-printed.
enum CallCommand {
    static let spec = CommandSpec(
        name: "call", abstract: "Call any method and print its result as JSON.",
        discussion:
            "PARAMS is a JSON object, or '-' to read it from standard input. The result is printed indented with sorted keys; with --json, compactly on one line.",
        examples: [
            UsageExample("List the methods:", "socctl call rpc.discover"),
            UsageExample("Params from a file:", "socctl call audit.list - < query.json"),
        ],
        arguments: [
            .required("METHOD", help: "The method name, such as system.ping."),
            .optional("PARAMS", help: "The params as a JSON object, or '-' for standard input."),
        ]
    ) { parsed, context in
        let session = DaemonSession(parsed, context)
        let method = parsed.argument("METHOD")!
        var params: JSONValue?
        if let text = parsed.argument("PARAMS") {
            params = try CallCommand.params(text, parsed: parsed, context: context)
        }
        let result = try session.connect().call(method: method, params: params)
        if session.wantsJSON {
            session.printCompact(result)
        } else {
            context.standardOutput.writeLine(JSONPrettyPrinter.format(result))
        }
        return .success
    }

    /// The params given as `text` (or read from standard input for `-`): a JSON object, or a
    /// usage error that says what is wrong with it.
    static func params(_ text: String, parsed: ParsedCommand, context: CommandContext) throws(UsageError) -> JSONValue {
        let source = text == "-" ? "PARAMS from standard input" : "PARAMS"
        let bytes: [UInt8]
        if text == "-" {
            do {
                bytes = try readAll(context.standardInput)
            } catch {
                throw parsed.usageError("cannot read PARAMS from standard input: \(error.message)")
            }
        } else {
            bytes = Array(text.utf8)
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            throw parsed.usageError("\(source) is not valid JSON: \(error)")
        }
        guard case .object = value else {
            throw parsed.usageError("\(source) must be a JSON object, got \(value.typeName)")
        }
        return value
    }

    private static func readAll(_ descriptor: FileDescriptor) throws(SystemError) -> [UInt8] {
        var bytes: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            switch try descriptor.read(into: chunk) {
            case .bytes(let count): bytes += chunk[..<count]
            case .endOfFile: return bytes
            case .wouldBlock: throw SystemError(errno: EAGAIN, function: "read")
            }
        }
    }
}
