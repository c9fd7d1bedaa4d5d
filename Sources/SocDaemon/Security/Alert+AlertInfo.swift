import JSONRPC
import SocProtocol
import SocSim

extension Alert {
    /// The alert as the API shows it; `source` is the address whenever there is one.
    var info: AlertInfo {
        AlertInfo(
            id: Int(id), detection: detection.rawValue, title: title, severity: severity.rawValue,
            technique: technique.id, techniqueName: technique.name,
            source: source.address?.description ?? source.mac?.description ?? source.host ?? "unknown",
            sourceMAC: source.mac?.description, sourceHost: source.host, firstTick: Int(firstTick),
            lastTick: Int(lastTick), count: count, eventCount: eventCount, summary: summary, status: status.rawValue,
            acknowledgedBy: acknowledgedBy.map(Int.init),
            evidence: evidence.map {
                EvidenceInfo(sequence: Int($0.sequence), tick: Int($0.tick), source: $0.dataset.rawValue, line: $0.line)
            })
    }
}
