import JSONRPC

/// The registry of socd's API: every method, in documentation order.
package enum SocAPI {
    /// The protocol version `system.version` reports and `rpc.discover` carries. The minor
    /// number grows with compatible additions; the major with anything a client could notice.
    package static let protocolVersion = "1.0"

    package static let methods: [any SocMethod.Type] = [
        PingRequest.self,
        VersionRequest.self,
        StatusRequest.self,
        SetLogLevelRequest.self,
        DiscoverRequest.self,
        SubscribeRequest.self,
        UnsubscribeRequest.self,
        AuditListRequest.self,
        BackupRequest.self,
        AddRuleRequest.self,
        AddRulesRequest.self,
        ListRulesRequest.self,
        GetRuleRequest.self,
        UpdateRuleRequest.self,
        DeleteRulesRequest.self,
        MoveRuleRequest.self,
        ClearRulesRequest.self,
        CheckRuleRequest.self,
        SetPolicyRequest.self,
        ExportRulesRequest.self,
        ImportRulesRequest.self,
        SimStatusRequest.self,
        SimPauseRequest.self,
        SimResumeRequest.self,
        SimStepRequest.self,
        SimSpeedRequest.self,
        SimResetRequest.self,
        ScenarioListRequest.self,
        ScenarioLoadRequest.self,
        ScenarioStatusRequest.self,
        TopologyGetRequest.self,
        TrafficRecentRequest.self,
        LogSourcesRequest.self,
        LogsTailRequest.self,
        LogsQueryRequest.self,
        HuntsSaveRequest.self,
        HuntsListRequest.self,
        HuntsRunRequest.self,
        HuntsDeleteRequest.self,
        DetectionsListRequest.self,
        DetectionsUpdateRequest.self,
        AlertsListRequest.self,
        AlertsGetRequest.self,
        AlertsAckRequest.self,
        IncidentsCreateRequest.self,
        IncidentsListRequest.self,
        IncidentsGetRequest.self,
        IncidentsUpdateRequest.self,
        IncidentsNoteRequest.self,
        IncidentsLinkRequest.self,
        IncidentsContainRequest.self,
        IncidentsReportRequest.self,
        ReportsSummaryRequest.self,
        IntelAddRequest.self,
        IntelListRequest.self,
        IntelDeleteRequest.self,
        IntelImportRequest.self,
        IntelCheckRequest.self,
    ]

    /// Looks a method up by its wire name.
    package static func method(named name: String) -> (any SocMethod.Type)? {
        methodsByName[name]
    }

    private static let methodsByName: [String: any SocMethod.Type] = Dictionary(
        uniqueKeysWithValues: methods.map { ($0.method, $0) })
}
