/// A MITRE ATT&CK technique (or sub-technique) a detection looks for.
package struct AttackTechnique: Sendable, Hashable, Codable {
    /// `T1110`, `T1071.004`.
    package var id: String
    package var name: String

    package init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    package static let networkDenialOfService = AttackTechnique(id: "T1498", name: "Network Denial of Service")
    package static let endpointDenialOfService = AttackTechnique(
        id: "T1499.002", name: "Endpoint Denial of Service: Service Exhaustion Flood")
    package static let bruteForce = AttackTechnique(id: "T1110", name: "Brute Force")
    package static let networkServiceDiscovery = AttackTechnique(id: "T1046", name: "Network Service Discovery")
    package static let dnsTunnelling = AttackTechnique(id: "T1071.004", name: "Application Layer Protocol: DNS")
    package static let hardwareAdditions = AttackTechnique(id: "T1200", name: "Hardware Additions")
    package static let applicationLayerProtocol = AttackTechnique(id: "T1071", name: "Application Layer Protocol")
}
