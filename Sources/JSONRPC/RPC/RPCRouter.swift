/// The method table: names to handlers, built once before serving and immutable afterwards.
///
/// Handlers come in two shapes. Most answer at once and are called inline on the connection's
/// thread, which is what makes pipelined requests cheap. Those that must wait (a durable write,
/// a slow query) take an `RPCPromise` and complete it from whichever thread finishes the work.
package struct RPCRouter<Context: Sendable>: Sendable {
    package typealias ImmediateHandler = @Sendable (RPCRequest, Context) throws -> JSONValue
    package typealias DeferredHandler = @Sendable (RPCRequest, Context, RPCResponder) -> Void

    package enum Handler: Sendable {
        case immediate(ImmediateHandler)
        /// A result that never changes, serialized once; only the params are checked per call.
        case constant(serializedResult: [UInt8], checkParams: @Sendable (JSONValue?) throws -> Void)
        case deferred(DeferredHandler)
    }

    private var handlers: [String: Handler] = [:]

    package init() {}

    package var methods: [String] { handlers.keys.sorted() }

    package func handler(for method: String) -> Handler? { handlers[method] }

    /// Registers an untyped handler. Registering a name twice is a programming error.
    package mutating func register(_ method: String, _ handler: Handler) {
        precondition(handlers[method] == nil, "method \(method) registered twice")
        handlers[method] = handler
    }

    /// Registers a handler that answers at once.
    package mutating func register<M: RPCMethod>(
        _: M.Type, _ body: @escaping @Sendable (M.Params, Context) throws -> M.Result
    ) {
        register(
            M.method,
            .immediate { request, context in
                let params: M.Params = try RPCParamsCodec.decode(request.params)
                return try RPCParamsCodec.encode(try body(params, context))
            })
    }

    /// Registers a method whose result never changes while the server runs (`system.ping`,
    /// `system.version`, `rpc.discover`): encoded once here rather than on every call. Params are
    /// still checked, so a typo is still an error.
    package mutating func register<M: RPCMethod>(_: M.Type, constant result: M.Result) {
        let serialized: [UInt8]
        do {
            serialized = try RPCParamsCodec.encode(result).serializedBytes
        } catch {
            preconditionFailure("the constant result of \(M.method) does not encode: \(error)")
        }
        register(
            M.method,
            .constant(serializedResult: serialized) { params in
                let _: M.Params = try RPCParamsCodec.decode(params)
            })
    }

    /// Registers a handler that answers later through its promise.
    package mutating func register<M: RPCMethod>(
        _: M.Type, deferred body: @escaping @Sendable (M.Params, Context, RPCPromise<M.Result>) -> Void
    ) {
        register(
            M.method,
            .deferred { request, context, responder in
                let params: M.Params
                do {
                    params = try RPCParamsCodec.decode(request.params)
                } catch {
                    responder.fail(error)
                    return
                }
                body(params, context, RPCPromise(responder))
            })
    }
}

/// Converts between params/results and JSON with the errors a client can act on.
package enum RPCParamsCodec {
    /// Decodes by-name params, rejecting unknown members so that a typo is an error rather than
    /// a silently ignored option. An absent `params`, `null` and `[]` mean "no params".
    package static func decode<P: Decodable>(_ params: JSONValue?) throws -> P {
        // Methods without params (system.ping, system.status, ...) are the most frequent calls;
        // with nothing given there is nothing to decode or reject, so skip the decoder.
        if P.self == RPCNoParams.self && isEmpty(params) { return RPCNoParams() as! P }
        return try decodeWithDecoder(params)
    }

    private static func decodeWithDecoder<P: Decodable>(_ params: JSONValue?) throws -> P {
        let object: JSONValue
        switch params {
        case nil, .null?: object = .object([:])
        case .array(let elements)? where elements.isEmpty: object = .object([:])
        case .array?: throw RPCError.invalidParams(field: nil, "params must be given by name, as an object")
        case let other?: object = other
        }
        do {
            return try JSONValueDecoder(rejectsUnknownKeys: true).decode(P.self, from: object)
        } catch let error as JSONDecodingError {
            if !error.unknownFields.isEmpty {
                throw RPCError.unknownParams(field: error.offendingPath, error.description)
            }
            throw RPCError.invalidParams(field: error.path.isEmpty ? nil : error.renderedPath, error.message)
        }
    }

    /// Absent, `null`, `{}` or `[]`.
    private static func isEmpty(_ params: JSONValue?) -> Bool {
        switch params {
        case nil, .null?: true
        case .array(let elements)?: elements.isEmpty
        case .object(let members)?: members.isEmpty
        default: false
        }
    }

    package static func encode<R: Encodable>(_ result: R) throws -> JSONValue {
        try JSONValueEncoder().encode(result)
    }
}
