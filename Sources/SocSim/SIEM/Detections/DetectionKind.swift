/// The detections socd runs; the raw value is the detection's stable id.
package enum DetectionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case requestFlood = "request-flood"
    case bruteForceLogin = "brute-force-login"
    case portScan = "port-scan"
    case dnsTunnelling = "dns-tunnelling"
    case unknownDHCPDevice = "unknown-dhcp-device"
    case threatIntelMatch = "threat-intel-match"

    package var descriptor: DetectionDescriptor {
        switch self {
        case .requestFlood: RequestFloodDetection.descriptor
        case .bruteForceLogin: BruteForceLoginDetection.descriptor
        case .portScan: PortScanDetection.descriptor
        case .dnsTunnelling: DNSTunnellingDetection.descriptor
        case .unknownDHCPDevice: UnknownDeviceDetection.descriptor
        case .threatIntelMatch: ThreatIntelDetection.descriptor
        }
    }
}
