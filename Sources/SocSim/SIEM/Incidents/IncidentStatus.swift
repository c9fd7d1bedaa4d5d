/// Where an incident stands. The forward path is new → investigating → contained → resolved; an
/// incident can be closed as a false positive or a duplicate before it is contained. Closed
/// incidents (resolved, falsePositive, duplicate) move only by an explicit reopen.
package enum IncidentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case new, investigating, contained, resolved, falsePositive, duplicate

    package var isClosed: Bool {
        switch self {
        case .resolved, .falsePositive, .duplicate: true
        case .new, .investigating, .contained: false
        }
    }

    /// The statuses an ordinary update may move to from here. `contained` → `investigating` is
    /// allowed because containment can fail (the attack resumes from elsewhere).
    package var allowedMoves: [IncidentStatus] {
        switch self {
        case .new: [.investigating, .contained, .falsePositive, .duplicate]
        case .investigating: [.contained, .resolved, .falsePositive, .duplicate]
        case .contained: [.investigating, .resolved]
        case .resolved, .falsePositive, .duplicate: []
        }
    }
}
