import JSONRPC

/// A data source the simulation writes: `logs.sources`.
package struct LogSourceInfo: Codable, Sendable, Hashable, JSONSchemaDocumented {
    package var name: LogSourceName
    package var title: String
    /// The program whose text format the records' `line` reproduces.
    package var nativeFormat: String
    /// Records kept in memory now.
    package var retained: Int
    /// Records written since the scenario was loaded or socd started, including those retention dropped.
    package var written: Int
    /// The most records kept; older ones are overwritten.
    package var retention: Int

    package init(
        name: LogSourceName, title: String, nativeFormat: String, retained: Int, written: Int, retention: Int
    ) {
        self.name = name
        self.title = title
        self.nativeFormat = nativeFormat
        self.retained = retained
        self.written = written
        self.retention = retention
    }

    package static let fieldDescriptions = [
        "name": "The source's name, as logs.tail takes it (its ECS event.dataset).",
        "title": "A human title.",
        "nativeFormat": "The program whose text lines the records reproduce.",
        "retained": "Records kept in memory now (logs are not persisted).",
        "written": "Records written since the scenario was loaded or socd started.",
        "retention": "The most records kept; older ones are overwritten.",
    ]
}
