// swift-tools-version: 6.0
//
// socd — a Security Operations Center in a box.
// The module graph is documented in docs/ARCHITECTURE.md; keep the two in step.

import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "socd",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "socd", targets: ["socd"]),
        .executable(name: "socctl", targets: ["socctl"]),
    ],
    targets: [
        // C boundaries: each is imported by exactly one Swift wrapper target.
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "CSystemd", pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]),
        .target(name: "CSocShims"),
        // The matcher's cache-prefetch hint (header only).
        .target(name: "CSocPrefetch"),

        // The wire: JSON values, the codec, JSON-RPC 2.0 envelopes, framing, dispatch.
        .target(name: "JSONRPC", swiftSettings: strict, linkerSettings: [.linkedLibrary("m")]),
        // The socd API as types, shared by the daemon and every client.
        .target(name: "SocProtocol", dependencies: ["JSONRPC"], swiftSettings: strict),
        // The simulated world: no I/O (its one C import is the matcher's prefetch hint).
        .target(name: "SocSim", dependencies: ["CSocPrefetch"], swiftSettings: strict),
        // SQLite persistence.
        .target(name: "SocStore", dependencies: ["CSQLite", "SocSim"], swiftSettings: strict),
        // Sockets, descriptors, epoll, signals, peer credentials.
        .target(name: "SocPOSIX", dependencies: ["CSocShims"], swiftSettings: strict),
        // The server.
        .target(
            name: "SocDaemon",
            dependencies: ["SocProtocol", "SocSim", "SocStore", "SocPOSIX", "CSystemd"],
            swiftSettings: strict),
        // The operator's CLI.
        .target(name: "SocCTL", dependencies: ["SocProtocol", "SocPOSIX"], swiftSettings: strict),

        .executableTarget(name: "socd", dependencies: ["SocDaemon"], swiftSettings: strict),
        .executableTarget(name: "socctl", dependencies: ["SocCTL"], swiftSettings: strict),
        // `make bench`: figures beside baselines measured in the same run.
        .executableTarget(
            name: "socd-bench", dependencies: ["SocDaemon", "SocCTL"], path: "Benchmarks/socd-bench",
            swiftSettings: strict),

        .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC"]),
        .testTarget(name: "SocProtocolTests", dependencies: ["SocProtocol"]),
        .testTarget(name: "SocSimTests", dependencies: ["SocSim"]),
        .testTarget(name: "SocStoreTests", dependencies: ["SocStore"]),
        .testTarget(name: "SocPOSIXTests", dependencies: ["SocPOSIX"]),
        .testTarget(name: "SocDaemonTests", dependencies: ["SocDaemon", "SocPOSIX"]),
        .testTarget(name: "SocCTLTests", dependencies: ["SocCTL"]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["SocPOSIX", "JSONRPC"],
            resources: [.copy("Transcripts")]),
    ]
)
