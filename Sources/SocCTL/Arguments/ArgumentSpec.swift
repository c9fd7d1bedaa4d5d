/// The declaration of one positional argument.
package struct ArgumentSpec: Sendable {
    /// How many values an argument takes.
    package enum Arity: Sendable, Hashable {
        /// Exactly one value, which must be given.
        case required
        /// Zero or one value.
        case optional
        /// Every remaining value, at least `minimum` of them; only the last argument may be variadic.
        case variadic(minimum: Int)
    }

    /// The name shown in help and in error messages, by convention upper case (`METHOD`).
    package var name: String
    package var help: String
    package var arity: Arity
    package var completion: ValueCompletion

    package init(name: String, help: String, arity: Arity, completion: ValueCompletion = .none) {
        self.name = name
        self.help = help
        self.arity = arity
        self.completion = completion
    }

    package static func required(_ name: String, help: String, completion: ValueCompletion = .none) -> ArgumentSpec {
        ArgumentSpec(name: name, help: help, arity: .required, completion: completion)
    }

    package static func optional(_ name: String, help: String, completion: ValueCompletion = .none) -> ArgumentSpec {
        ArgumentSpec(name: name, help: help, arity: .optional, completion: completion)
    }

    package static func variadic(
        _ name: String, minimum: Int = 0, help: String, completion: ValueCompletion = .none
    ) -> ArgumentSpec {
        ArgumentSpec(name: name, help: help, arity: .variadic(minimum: minimum), completion: completion)
    }

    /// How the argument appears in a usage line: `METHOD`, `[PARAMS]`, `TOPIC...`, `[TOPIC...]`.
    package var usageText: String {
        switch arity {
        case .required: name
        case .optional: "[\(name)]"
        case .variadic(let minimum): minimum > 0 ? "\(name)..." : "[\(name)...]"
        }
    }
}

extension ArgumentSpec.Arity {
    /// Whether the argument takes every remaining value.
    var isVariadic: Bool {
        if case .variadic = self { return true }
        return false
    }
}
