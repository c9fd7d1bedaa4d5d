import JSONRPC
import SocProtocol
import SocStore

extension RPCRouter where Context == RequestContext {
    /// Registers a method that changes state: authorized by the caller's credentials, persisted
    /// durably with its audit entry in one transaction, then applied and answered.
    ///
    /// Refusals and failures are audited too (outcome `denied` or `error`), so the trail shows
    /// attempts as well as changes.
    mutating func registerChange<M: SocMethod, Staged: Sendable>(
        _: M.Type, _ services: DaemonServices,
        _ prepare: @escaping @Sendable (M.Params, RequestContext) throws -> StateChange<Staged, M.Result>
    ) {
        precondition(M.access == .write, "\(M.method) is declared read-only but registered as a change")
        register(
            M.method,
            .deferred { request, context, responder in
                let audit = services.audit
                guard context.mayChangeState else {
                    let error = RPCError.permissionDenied(
                        services.authorizer.refusal(method: M.method, peer: context.peer),
                        ["method": .string(M.method), "uid": .int(Int(context.peer.uid))])
                    audit.recordFailure(request: request, context: context, outcome: .denied, error: error)
                    responder.fail(error)
                    return
                }
                let change: StateChange<Staged, M.Result>
                do {
                    let params: M.Params = try RPCParamsCodec.decode(request.params)
                    change = try prepare(params, context)
                } catch {
                    audit.recordFailure(request: request, context: context, outcome: .error, error: error)
                    responder.fail(error)
                    return
                }
                audit.commit(request: request, context: context, persist: change.persist) { committed in
                    switch committed {
                    case .success(let staged):
                        do {
                            responder.succeed(try RPCParamsCodec.encode(try change.apply(staged)))
                        } catch {
                            responder.fail(error)
                        }
                    case .failure(let failure):
                        // In-memory state may be ahead of the database when the change was
                        // staged but not committed, or when the database failed mid-way.
                        if failure.persisted || !(failure.error is RPCError) { change.revert?() }
                        audit.recordFailure(request: request, context: context, outcome: .error, error: failure.error)
                        responder.fail(failure.error)
                    }
                }
            })
    }
}
