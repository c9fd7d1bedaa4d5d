import JSONRPC

/// `system.ping`: the cheapest round trip, for liveness checks and latency measurements.
package struct PingRequest: SocMethod {
    package static let method = "system.ping"
    package static let summary = "Answers at once; proves the daemon is alive and reachable."
    package static let access = MethodAccess.read
    package typealias Params = RPCNoParams

    package struct Result: Codable, Sendable, Hashable {
        package var pong: Bool
        package init(pong: Bool = true) { self.pong = pong }
    }
}

/// `system.version`: what is running.
package struct VersionRequest: SocMethod {
    package static let method = "system.version"
    package static let summary = "The versions of socd, of its protocol and of the SQLite library it uses."
    package static let access = MethodAccess.read
    package typealias Params = RPCNoParams

    package struct Result: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var socd: String
        package var revision: String
        package var `protocol`: String
        package var sqlite: String

        package init(socd: String, revision: String, protocol: String, sqlite: String) {
            self.socd = socd
            self.revision = revision
            self.protocol = `protocol`
            self.sqlite = sqlite
        }

        package static let fieldDescriptions = [
            "socd": "The daemon's release version.",
            "revision": "The source revision the daemon was built from.",
            "protocol": "The API version; the minor number grows with compatible additions.",
            "sqlite": "The version of the SQLite library in use.",
        ]
    }
}

/// `system.status`: how the daemon is doing.
package struct StatusRequest: SocMethod {
    package static let method = "system.status"
    package static let summary = "Uptime, connections, how the listener was obtained, and where state is kept."
    package static let access = MethodAccess.read
    package typealias Params = RPCNoParams

    package struct Result: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var pid: Int
        package var startedAt: String
        package var uptimeSeconds: Double
        /// `activated` (the listener came from systemd) or `bound` (socd bound it itself).
        package var listener: String
        package var socketPath: String
        package var stateDirectory: String
        package var connections: Int
        package var connectionsTotal: Int
        package var requestsTotal: Int
        package var subscriptions: Int
        package var logLevel: LogLevel
        package var residentBytes: Int
        package var exitIdleSeconds: Double?

        package init(
            pid: Int, startedAt: String, uptimeSeconds: Double, listener: String, socketPath: String,
            stateDirectory: String, connections: Int, connectionsTotal: Int, requestsTotal: Int, subscriptions: Int,
            logLevel: LogLevel, residentBytes: Int, exitIdleSeconds: Double?
        ) {
            self.pid = pid
            self.startedAt = startedAt
            self.uptimeSeconds = uptimeSeconds
            self.listener = listener
            self.socketPath = socketPath
            self.stateDirectory = stateDirectory
            self.connections = connections
            self.connectionsTotal = connectionsTotal
            self.requestsTotal = requestsTotal
            self.subscriptions = subscriptions
            self.logLevel = logLevel
            self.residentBytes = residentBytes
            self.exitIdleSeconds = exitIdleSeconds
        }

        package static let fieldDescriptions = [
            "pid": "The daemon's process id.",
            "startedAt": "When this process started (ISO 8601, UTC).",
            "uptimeSeconds": "Seconds since this process started.",
            "listener": "\"activated\" when systemd passed the socket, \"bound\" when socd bound it itself.",
            "socketPath": "The path of the listening socket.",
            "stateDirectory": "Where socd.db and the install secret live.",
            "connections": "Connections open now, this one included.",
            "connectionsTotal": "Connections accepted since start.",
            "requestsTotal": "Requests handled since start.",
            "subscriptions": "Event subscriptions open now.",
            "logLevel": "The current log level.",
            "residentBytes": "The daemon's resident memory.",
            "exitIdleSeconds": "With --exit-idle: how long socd waits without connections before exiting.",
        ]
    }
}

/// `system.setLogLevel`: the first method that changes state; persisted and audited.
package struct SetLogLevelRequest: SocMethod {
    package static let method = "system.setLogLevel"
    package static let summary = "Changes how much socd logs; persists across restarts unless --log-level is given."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.permissionDenied, RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var level: LogLevel
        package init(level: LogLevel) { self.level = level }
        package static let fieldDescriptions = ["level": "The new log level."]
    }

    package struct Result: Codable, Sendable, Hashable {
        package var previous: LogLevel
        package var level: LogLevel
        package init(previous: LogLevel, level: LogLevel) {
            self.previous = previous
            self.level = level
        }
    }
}
