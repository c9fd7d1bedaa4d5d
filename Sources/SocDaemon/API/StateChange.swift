import SocStore

/// A change a write method makes: what to persist, and what to do once it is durable.
///
/// `persist` runs on the store's writer thread inside the group-commit transaction, together
/// with the audit entry, so the change and its record land or fail as one. In-memory state that
/// later jobs of the same transaction must see (the firewall's rules) is updated there too, and
/// `revert` restores it from the database if that transaction does not commit or the database
/// failed part-way (validation errors, thrown as `RPCError` before anything changed, do not
/// call it). `apply` runs
/// after the commit returned; the reply is sent only after it, so an acknowledged change
/// survives `kill -9`.
package struct StateChange<Staged: Sendable, Result: Sendable>: Sendable {
    package var persist: @Sendable (Database) throws -> Staged
    package var apply: @Sendable (Staged) throws -> Result
    package var revert: (@Sendable () -> Void)?

    package init(
        persist: @escaping @Sendable (Database) throws -> Staged, apply: @escaping @Sendable (Staged) throws -> Result,
        revert: (@Sendable () -> Void)? = nil
    ) {
        self.persist = persist
        self.apply = apply
        self.revert = revert
    }
}

extension StateChange where Staged == Void {
    /// A change whose in-memory effect needs nothing from the transaction.
    package init(persist: @escaping @Sendable (Database) throws -> Void, apply: @escaping @Sendable () throws -> Result)
    {
        self.init(persist: persist, apply: { _ in try apply() }, revert: nil)
    }
}
