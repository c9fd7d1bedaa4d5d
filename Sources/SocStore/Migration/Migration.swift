/// One named step of the schema's history. Once shipped, a migration's name and body never change;
/// later changes are new migrations appended after it.
package struct Migration: Sendable {
    package let name: String
    package let body: @Sendable (Database) throws -> Void

    package init(name: String, body: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.body = body
    }
}
