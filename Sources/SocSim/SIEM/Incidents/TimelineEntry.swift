/// One line of an incident's history: every change and note, who made it and when.
package struct TimelineEntry: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case created, statusChanged, reopened, note, assigned, tagged, observableAdded, alertLinked, ruleLinked
        case severityChanged, edited
    }

    package var kind: Kind
    package var text: String
    /// The peer uid of the person who did it; nil for socd itself (automatic actions).
    package var actorUID: UInt32?
    package var at: SIEMInstant

    package init(kind: Kind, text: String, actorUID: UInt32?, at: SIEMInstant) {
        self.kind = kind
        self.text = text
        self.actorUID = actorUID
        self.at = at
    }
}
