import Glibc
import SocPOSIX

/// The terminal taken over by a live view: the alternate screen (so the shell's screen comes
/// back untouched), the cursor hidden, and the keyboard in raw mode (keys arrive one at a time,
/// unechoed; Ctrl-C arrives as a byte rather than a signal). `restore()` undoes all of it and
/// must run on every way out; it is idempotent, and `deinit` calls it as a last resort.
///
/// Not thread-safe: the view's one thread owns it.
package final class FullScreenTerminal {
    package static let enterSequence = "\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J"
    package static let leaveSequence = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"

    private let output: Int32
    private let input: Int32
    /// The keyboard's settings before raw mode; `nil` when input is not a terminal.
    private var savedInputMode: termios?
    private var isActive = false

    /// Takes over the terminal on `output`; the keyboard is `input` if it is a terminal.
    package init(output: Int32 = STDOUT_FILENO, input: Int32 = STDIN_FILENO) throws(SystemError) {
        self.output = output
        self.input = input
        if isatty(input) == 1 {
            var mode = termios()
            guard tcgetattr(input, &mode) == 0 else { throw SystemError.current(function: "tcgetattr") }
            savedInputMode = mode
            var raw = mode
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
            raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
            withUnsafeMutableBytes(of: &raw.c_cc) { cc in
                cc[Int(VMIN)] = 1
                cc[Int(VTIME)] = 0
            }
            guard tcsetattr(input, TCSANOW, &raw) == 0 else { throw SystemError.current(function: "tcsetattr") }
        }
        isActive = true
        write(Array(Self.enterSequence.utf8))
    }

    /// Whether keys can be read from `input` (it is a terminal now in raw mode).
    package var readsKeys: Bool { savedInputMode != nil }

    /// Writes `bytes` to the terminal, retrying short writes and EINTR; output errors are
    /// ignored, since a terminal that went away leaves nobody to tell.
    package func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(output, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    /// Leaves the alternate screen, shows the cursor and puts the keyboard back as it was.
    package func restore() {
        guard isActive else { return }
        isActive = false
        write(Array(Self.leaveSequence.utf8))
        if var mode = savedInputMode {
            tcsetattr(input, TCSANOW, &mode)
        }
    }

    deinit {
        restore()
    }
}
