import FoundationEssentials
import SocSim

/// `SimulationSnapshot` to and from the JSON text `simulation_state` keeps.
///
/// Foundation's coder rather than JSONRPC's: the snapshot holds full 64-bit random state, which
/// the wire codec (built for JSON-RPC, where integers beyond `Int` become doubles) would round.
enum SimulationSnapshotCodec {
    static func encode(_ snapshot: SimulationSnapshot) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(snapshot), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> SimulationSnapshot {
        try JSONDecoder().decode(SimulationSnapshot.self, from: Data(text.utf8))
    }
}
