import SocStore

/// A change a write method makes: what to persist, and what to do in memory once it is durable.
///
/// `persist` runs on the store's writer thread inside the group-commit transaction, together
/// with the audit entry, so the change and its record land or fail as one. `apply` runs after
/// the commit returned; the reply is sent only after that, so an acknowledged change survives
/// `kill -9`.
package struct StateChange<Result: Sendable>: Sendable {
    package var persist: @Sendable (Database) throws -> Void
    package var apply: @Sendable () throws -> Result

    package init(persist: @escaping @Sendable (Database) throws -> Void, apply: @escaping @Sendable () throws -> Result)
    {
        self.persist = persist
        self.apply = apply
    }
}
