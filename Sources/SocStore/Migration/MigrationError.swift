/// Why the migrator refused a database.
package struct MigrationError: Error, Sendable, CustomStringConvertible {
    enum Kind: Sendable, Equatable {
        case unknownMigrations([String])
        case pendingOnReadOnlyStore([String])
        case duplicateName(String)
    }

    let kind: Kind
    /// The database file, for the operator's benefit.
    package let path: String

    /// Names of migrations the database records that this build does not know, if that is the error.
    package var unknownMigrations: [String] {
        if case .unknownMigrations(let names) = kind { return names }
        return []
    }

    /// Names of migrations this build has and the read-only database lacks, if that is the error.
    package var pendingMigrations: [String] {
        if case .pendingOnReadOnlyStore(let names) = kind { return names }
        return []
    }

    package var description: String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        switch kind {
        case .unknownMigrations(let names):
            let list = names.map { "'\($0)'" }.joined(separator: ", ")
            return "\(file) was written by a newer socd: unknown migration \(list); upgrade socd or restore a backup"
                + " (\(path))"
        case .pendingOnReadOnlyStore(let names):
            let list = names.map { "'\($0)'" }.joined(separator: ", ")
            return "\(file) needs migration \(list) but could only be opened read-only (\(path));"
                + " make the state directory writable"
        case .duplicateName(let name):
            return "the migration list names '\(name)' twice"
        }
    }

    static func unknownMigrations(_ names: [String], path: String) -> MigrationError {
        MigrationError(kind: .unknownMigrations(names), path: path)
    }

    static func pendingOnReadOnlyStore(_ names: [String], path: String) -> MigrationError {
        MigrationError(kind: .pendingOnReadOnlyStore(names), path: path)
    }

    static func duplicateName(_ name: String, path: String) -> MigrationError {
        MigrationError(kind: .duplicateName(name), path: path)
    }
}
