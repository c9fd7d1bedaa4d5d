/// A parsed hunt condition, validated against field types but not yet bound to a symbol table.
indirect enum HuntExpression: Sendable, Hashable {
    case all
    case and(HuntExpression, HuntExpression)
    case or(HuntExpression, HuntExpression)
    case not(HuntExpression)
    /// `source=firewall` or `event.dataset != dns`.
    case dataset(LogDataset, equal: Bool)
    case addressIn(ECSField, IPv4CIDR, equal: Bool)
    case integer(ECSField, HuntComparisonOperator, Int64)
    case integerRange(ECSField, ClosedRange<Int64>)
    case textEquals(ECSField, String, equal: Bool)
    case textContains(ECSField, String)
    case macEquals(MACAddress, equal: Bool)
}
