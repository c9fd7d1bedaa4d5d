import JSONRPC

/// `rules.add`: one rule, appended or inserted at a position.
package struct AddRuleRequest: SocMethod {
    package static let method = "rules.add"
    package static let summary = "Adds a firewall rule; an identical rule (same match and action) is extended instead."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var src: String?
        package var dst: String?
        package var sport: ScalarInput?
        package var dport: ScalarInput?
        package var proto: String?
        package var action: String
        package var comment: String?
        package var ttl: ScalarInput?
        /// 1-based; appended when absent.
        package var position: Int?

        package init(_ rule: RuleInput, position: Int? = nil) {
            src = rule.src
            dst = rule.dst
            sport = rule.sport
            dport = rule.dport
            proto = rule.proto
            action = rule.action
            comment = rule.comment
            ttl = rule.ttl
            self.position = position
        }

        package var rule: RuleInput {
            RuleInput(
                src: src, dst: dst, sport: sport, dport: dport, proto: proto, action: action, comment: comment, ttl: ttl
            )
        }

        package static var fieldDescriptions: [String: String] {
            RuleInput.fieldDescriptions.merging(
                ["position": "Where to insert it (1 is evaluated first); appended when absent."]) { a, _ in a }
        }
    }

    package struct Result: Codable, Sendable, Hashable {
        package var rule: RuleInfo
        /// `created`, or `extended` when an identical rule existed and only its expiry changed.
        package var outcome: String
        package init(rule: RuleInfo, outcome: String) {
            self.rule = rule
            self.outcome = outcome
        }
    }
}

/// `rules.addMany`: several rules atomically.
package struct AddRulesRequest: SocMethod {
    package static let method = "rules.addMany"
    package static let summary = "Adds rules atomically: all or none; an error names the index of the bad one."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable {
        package var rules: [RuleInput]
        package init(rules: [RuleInput]) { self.rules = rules }
    }

    package struct Result: Codable, Sendable, Hashable {
        package var created: Int
        package var extended: Int
        /// The ids of the rules, in the order given.
        package var ids: [Int]
        package init(created: Int, extended: Int, ids: [Int]) {
            self.created = created
            self.extended = extended
            self.ids = ids
        }
    }
}

/// `rules.list`: the rule table in evaluation order.
package struct ListRulesRequest: SocMethod {
    package static let method = "rules.list"
    package static let summary = "Lists rules in evaluation order, with filters and paging."
    package static let access = MethodAccess.read

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var src: String?
        package var dst: String?
        package var port: Int?
        package var action: String?
        package var comment: String?
        package var offset: Int?
        package var limit: Int?

        package init(
            src: String? = nil, dst: String? = nil, port: Int? = nil, action: String? = nil, comment: String? = nil,
            offset: Int? = nil, limit: Int? = nil
        ) {
            self.src = src
            self.dst = dst
            self.port = port
            self.action = action
            self.comment = comment
            self.offset = offset
            self.limit = limit
        }

        package static let fieldDescriptions = [
            "src": "Rules whose source is this network, or contains this address.",
            "dst": "Rules whose destination is this network, or contains this address.",
            "port": "Rules whose source or destination port range includes this port.",
            "action": "Rules with this action.",
            "comment": "Rules whose comment contains this text (case-insensitive).",
            "offset": "Skip this many matching rules (default 0).",
            "limit": "At most this many rules (1-10000, default 1000).",
        ]
    }

    package struct Result: Codable, Sendable, Hashable {
        package var rules: [RuleInfo]
        /// Rules matching the filters, before paging.
        package var total: Int
        /// The default policy: what happens to packets no rule matches.
        package var policy: String
        package init(rules: [RuleInfo], total: Int, policy: String) {
            self.rules = rules
            self.total = total
            self.policy = policy
        }
    }
}

/// `rules.get`.
package struct GetRuleRequest: SocMethod {
    package static let method = "rules.get"
    package static let summary = "One rule by id."
    package static let access = MethodAccess.read
    package static let errors = [RPCErrorCode.notFound]

    package struct Params: Codable, Sendable, Hashable {
        package var id: Int
        package init(id: Int) { self.id = id }
    }

    package typealias Result = RuleInfo
}

/// `rules.update`: change some fields of a rule, keeping its id and position.
package struct UpdateRuleRequest: SocMethod {
    package static let method = "rules.update"
    package static let summary = "Changes fields of a rule; the rule keeps its id and position."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.notFound, RPCErrorCode.conflict, RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var id: Int
        package var src: String?
        package var dst: String?
        package var sport: ScalarInput?
        package var dport: ScalarInput?
        package var proto: String?
        package var action: String?
        package var comment: String?
        /// A new lifetime from now; `0` makes the rule permanent.
        package var ttl: ScalarInput?

        package init(
            id: Int, src: String? = nil, dst: String? = nil, sport: ScalarInput? = nil, dport: ScalarInput? = nil,
            proto: String? = nil, action: String? = nil, comment: String? = nil, ttl: ScalarInput? = nil
        ) {
            self.id = id
            self.src = src
            self.dst = dst
            self.sport = sport
            self.dport = dport
            self.proto = proto
            self.action = action
            self.comment = comment
            self.ttl = ttl
        }

        package static var fieldDescriptions: [String: String] {
            var descriptions = RuleInput.fieldDescriptions
            descriptions["id"] = "The rule to change."
            descriptions["ttl"] = "A new lifetime from now; 0 makes the rule permanent."
            descriptions["action"] = "ACCEPT (or PASS), DROP or REJECT."
            return descriptions
        }
    }

    package typealias Result = RuleInfo
}

/// `rules.delete`: by id, or every rule whose given fields all match (like `fail2ban unbanip`).
package struct DeleteRulesRequest: SocMethod {
    package static let method = "rules.delete"
    package static let summary = "Deletes a rule by id, or every rule whose given fields all equal the given values."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.notFound, RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var id: Int?
        package var src: String?
        package var dst: String?
        package var sport: ScalarInput?
        package var dport: ScalarInput?
        package var proto: String?
        package var action: String?

        package init(
            id: Int? = nil, src: String? = nil, dst: String? = nil, sport: ScalarInput? = nil,
            dport: ScalarInput? = nil, proto: String? = nil, action: String? = nil
        ) {
            self.id = id
            self.src = src
            self.dst = dst
            self.sport = sport
            self.dport = dport
            self.proto = proto
            self.action = action
        }

        package static let fieldDescriptions = [
            "id": "The rule to delete; or give match fields instead.",
            "src": "Delete rules with exactly this source.",
            "dst": "Delete rules with exactly this destination.",
            "sport": "Delete rules with exactly this source port.",
            "dport": "Delete rules with exactly this destination port.",
            "proto": "Delete rules with exactly this protocol.",
            "action": "Delete rules with exactly this action.",
        ]
    }

    package struct Result: Codable, Sendable, Hashable {
        package var deleted: [Int]
        package init(deleted: [Int]) { self.deleted = deleted }
    }
}

/// `rules.move`.
package struct MoveRuleRequest: SocMethod {
    package static let method = "rules.move"
    package static let summary = "Moves a rule to another position; the rules in between shift by one."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.notFound, RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable {
        package var id: Int
        package var position: Int
        package init(id: Int, position: Int) {
            self.id = id
            self.position = position
        }
    }

    package typealias Result = RuleInfo
}

/// `rules.clear`.
package struct ClearRulesRequest: SocMethod {
    package static let method = "rules.clear"
    package static let summary = "Deletes every rule; needs confirm: true."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable {
        package var confirm: Bool
        package init(confirm: Bool) { self.confirm = confirm }
    }

    package struct Result: Codable, Sendable, Hashable {
        package var deleted: Int
        package init(deleted: Int) { self.deleted = deleted }
    }
}

/// `rules.check`: the dry run — what the firewall would do with a packet, and why.
package struct CheckRuleRequest: SocMethod {
    package static let method = "rules.check"
    package static let summary = "Decides a packet without sending it: the verdict and the rule that decided."
    package static let access = MethodAccess.read

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var src: String
        package var dst: String
        package var sport: Int?
        package var dport: Int?
        package var proto: String?

        package init(src: String, dst: String, sport: Int? = nil, dport: Int? = nil, proto: String? = nil) {
            self.src = src
            self.dst = dst
            self.sport = sport
            self.dport = dport
            self.proto = proto
        }

        package static let fieldDescriptions = [
            "src": "The packet's source address.",
            "dst": "The packet's destination address.",
            "sport": "Its source port (default 40000).",
            "dport": "Its destination port (default 80).",
            "proto": "tcp (default), udp or icmp.",
        ]
    }

    package struct Result: Codable, Sendable, Hashable {
        package var verdict: String
        /// The rule that decided; absent when the default policy did.
        package var rule: RuleInfo?
        package var decidedBy: String
        package init(verdict: String, rule: RuleInfo?, decidedBy: String) {
            self.verdict = verdict
            self.rule = rule
            self.decidedBy = decidedBy
        }
    }
}

/// `rules.setPolicy`: what happens to packets no rule matches.
package struct SetPolicyRequest: SocMethod {
    package static let method = "rules.setPolicy"
    package static let summary = "Sets the default policy for packets no rule matches (ACCEPT by default)."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable {
        package var policy: String
        package init(policy: String) { self.policy = policy }
    }

    package struct Result: Codable, Sendable, Hashable {
        package var previous: String
        package var policy: String
        package init(previous: String, policy: String) {
            self.previous = previous
            self.policy = policy
        }
    }
}

/// The formats `rules.export` writes and `rules.import` reads.
package enum RuleFormat: String, Codable, Sendable, CaseIterable, JSONSchemaEnum {
    case json
    case nft
    case iptablesRestore = "iptables-restore"
}

/// `rules.export`.
package struct ExportRulesRequest: SocMethod {
    package static let method = "rules.export"
    package static let summary = "The rule table as JSON, an nft -f script, or iptables-restore input."
    package static let access = MethodAccess.read

    package struct Params: Codable, Sendable, Hashable {
        package var format: RuleFormat
        package init(format: RuleFormat) { self.format = format }
    }

    package struct Result: Codable, Sendable, Hashable {
        package var format: RuleFormat
        package var count: Int
        package var content: String
        package init(format: RuleFormat, count: Int, content: String) {
            self.format = format
            self.count = count
            self.content = content
        }
    }
}

/// `rules.import`.
package struct ImportRulesRequest: SocMethod {
    package static let method = "rules.import"
    package static let summary = "Adds the rules of an export (json, nft or iptables-restore), atomically."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var format: RuleFormat
        package var content: String
        /// Replace the whole table instead of adding to it.
        package var replace: Bool?
        package init(format: RuleFormat, content: String, replace: Bool? = nil) {
            self.format = format
            self.content = content
            self.replace = replace
        }
        package static let fieldDescriptions = [
            "format": "json, nft or iptables-restore.",
            "content": "The exported text.",
            "replace": "Replace the table (and the policy, if the content sets one) instead of adding.",
        ]
    }

    package typealias Result = AddRulesRequest.Result
}

/// `system.backup`: a consistent copy of the database while socd keeps running.
package struct BackupRequest: SocMethod {
    package static let method = "system.backup"
    package static let summary = "Writes a consistent copy of the database to a new file (SQLite online backup)."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.conflict, RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable {
        /// An absolute path that does not exist yet, writable by socd.
        package var path: String
        package init(path: String) { self.path = path }
    }

    package struct Result: Codable, Sendable, Hashable {
        package var path: String
        package var bytes: Int
        package init(path: String, bytes: Int) {
            self.path = path
            self.bytes = bytes
        }
    }
}
