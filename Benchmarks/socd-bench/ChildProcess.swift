import Glibc

/// A process started with posix_spawn(3): stdin and stdout on /dev/null, stderr to a file
/// (or /dev/null), and an environment of the caller's choosing.
///
/// glibc's posix_spawn uses `clone(CLONE_VM|CLONE_VFORK)`, the cheapest way to start a process,
/// so spawn cost in the figures is the kernel's and the dynamic loader's, not a fork's copying.
struct ChildProcess {
    let pid: pid_t
    let executable: String

    /// Starts `executable` with `arguments` (without argv[0]) and `environment` ("NAME=value").
    static func spawn(
        _ executable: String, _ arguments: [String], environment: [String], standardErrorPath: String? = nil
    ) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, STDERR_FILENO, standardErrorPath ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o600)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard code == 0 else {
            throw BenchmarkFailure.other("posix_spawn \(executable): \(String(cString: strerror(code)))")
        }
        return ChildProcess(pid: pid, executable: executable)
    }

    /// Waits for the process to end; returns its exit status, or 128 + the signal that ended it.
    @discardableResult
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return -1 }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Whether the process has ended, without waiting (it is reaped if it has).
    func hasExited() -> Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == pid
    }

    /// Sends SIGTERM and waits for the exit; SIGKILL if it is still there after `grace` seconds.
    @discardableResult
    func terminate(grace: Double = 5) -> Int32 {
        kill(pid, SIGTERM)
        let deadline = Stopwatch.now + UInt64(grace * 1e9)
        while Stopwatch.now < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let signal = status & 0x7f
                return signal == 0 ? (status >> 8) & 0xff : 128 + signal
            }
            usleep(100)  // fine enough for the SIGTERM-to-exit figure
        }
        kill(pid, SIGKILL)
        return wait()
    }

    /// Resident memory from /proc/PID/status (VmRSS), in bytes.
    func residentSetBytes() -> Int? {
        guard let file = fopen("/proc/\(pid)/status", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            guard text.hasPrefix("VmRSS:") else { continue }
            let digits = text.dropFirst(6).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }  // the kernel reports kB
        }
        return nil
    }

    /// CPU time the process has used so far, user and system, in nanoseconds (from
    /// /proc/PID/stat, so with the kernel's clock-tick resolution, usually 10 ms).
    func cpuTime() -> (user: Double, system: Double)? {
        guard let file = fopen("/proc/\(pid)/stat", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 1024)
        guard fgets(&line, Int32(line.count), file) != nil else { return nil }
        let text = line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // Fields after the parenthesised command name start with field 3 (state); utime and
        // stime are fields 14 and 15.
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let tick = 1e9 / Double(sysconf(Int32(_SC_CLK_TCK)))
        return (user * tick, system * tick)
    }

    /// The caller's environment with `overrides` applied and `removing` names dropped.
    static func environment(setting overrides: [String: String] = [:], removing: Set<String> = []) -> [String] {
        var result: [String] = []
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            let name = String(text.prefix { $0 != "=" })
            if overrides[name] == nil && !removing.contains(name) { result.append(text) }
            pointer += 1
        }
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) { result.append("\(name)=\(value)") }
        return result
    }
}
