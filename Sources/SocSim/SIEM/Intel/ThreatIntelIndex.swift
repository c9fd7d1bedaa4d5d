/// Indicators indexed for matching events: an address costs one hash lookup for exact
/// indicators plus one per CIDR prefix length in use; a domain one lookup per label (the name and
/// each parent domain); URLs and hashes one lookup. Expired indicators stay until purged but do
/// not match.
package struct ThreatIntelIndex: Sendable {
    private var indicators: [IndicatorKey: Indicator] = [:]
    private var addresses: [UInt32: Indicator] = [:]
    /// One table per prefix length, keyed by masked network.
    private var networks = [[UInt32: Indicator]](repeating: [:], count: 33)
    /// Prefix lengths with at least one network, longest first (the most specific match wins).
    private var prefixLengths: [Int] = []
    /// Keyed by `DomainSuffixHash`; a bucket holds the rare names that share a hash.
    private var domains: [UInt64: [Indicator]] = [:]
    private var urls: [String: Indicator] = [:]
    /// Absolute URL indicators by path and query, for web access entries that log only the target.
    private var urlTargets: [String: [Indicator]] = [:]
    private var hashes: [String: Indicator] = [:]

    package init() {}

    package var count: Int { indicators.count }
    package var isEmpty: Bool { indicators.isEmpty }

    /// Every indicator, in a stable order (by kind, then value).
    package var all: [Indicator] {
        indicators.values.sorted { ($0.kind.rawValue, $0.value) < ($1.kind.rawValue, $1.value) }
    }

    package func indicator(_ key: IndicatorKey) -> Indicator? { indicators[key] }

    /// Adds `indicator`, replacing one with the same key.
    package mutating func insert(_ indicator: Indicator) {
        if indicators[indicator.key] != nil { remove(indicator.key) }
        indicators[indicator.key] = indicator
        switch indicator.kind {
        case .ip:
            addresses[IPv4Address(indicator.value)!.value] = indicator
        case .cidr:
            let cidr = IPv4CIDR(indicator.value)!
            networks[cidr.prefixLength][cidr.network.value] = indicator
            if !prefixLengths.contains(cidr.prefixLength) {
                prefixLengths.append(cidr.prefixLength)
                prefixLengths.sort(by: >)
            }
        case .domain:
            domains[DomainSuffixHash.hash(of: indicator.value), default: []].append(indicator)
        case .url:
            urls[indicator.value] = indicator
            if let target = Self.target(ofURL: indicator.value) { urlTargets[target, default: []].append(indicator) }
        case .sha256:
            hashes[indicator.value] = indicator
        }
    }

    /// Removes the indicator with `key`; returns it, or nil when there was none.
    @discardableResult
    package mutating func remove(_ key: IndicatorKey) -> Indicator? {
        guard let indicator = indicators.removeValue(forKey: key) else { return nil }
        switch key.kind {
        case .ip:
            addresses[IPv4Address(key.value)!.value] = nil
        case .cidr:
            let cidr = IPv4CIDR(key.value)!
            networks[cidr.prefixLength][cidr.network.value] = nil
            if networks[cidr.prefixLength].isEmpty { prefixLengths.removeAll { $0 == cidr.prefixLength } }
        case .domain:
            let hash = DomainSuffixHash.hash(of: key.value)
            domains[hash]?.removeAll { $0.value == key.value }
            if domains[hash]?.isEmpty == true { domains[hash] = nil }
        case .url:
            urls[key.value] = nil
            if let target = Self.target(ofURL: key.value) {
                urlTargets[target]?.removeAll { $0.value == key.value }
                if urlTargets[target]?.isEmpty == true { urlTargets[target] = nil }
            }
        case .sha256:
            hashes[key.value] = nil
        }
        return indicator
    }

    /// Drops every indicator expired at `now`; returns how many.
    @discardableResult
    package mutating func purgeExpired(atMilliseconds now: Int64) -> Int {
        let expired = indicators.values.filter { $0.isExpired(atMilliseconds: now) }
        for indicator in expired { remove(indicator.key) }
        return expired.count
    }

    /// The exact indicator for `address`, else the most specific network containing it.
    @inline(__always)
    package func match(address: IPv4Address, nowMilliseconds now: Int64) -> Indicator? {
        if let found = addresses[address.value], !found.isExpired(atMilliseconds: now) { return found }
        for length in prefixLengths {
            if let found = networks[length][address.value & IPv4CIDR.mask(length)],
                !found.isExpired(atMilliseconds: now)
            {
                return found
            }
        }
        return nil
    }

    /// The indicator for `name` or its nearest listed parent domain (`evil.example` matches
    /// `a.b.evil.example`). Case-insensitive; a trailing dot is ignored.
    package func match(domain name: some StringProtocol, nowMilliseconds now: Int64) -> Indicator? {
        guard !domains.isEmpty else { return nil }
        var found: Indicator?
        DomainSuffixHash.forEachSuffix(of: name) { hash, suffix in
            guard let bucket = domains[hash] else { return true }
            for indicator in bucket where !indicator.isExpired(atMilliseconds: now) {
                // Suffixes come shortest first; a later (more specific) match replaces an earlier one.
                if DomainSuffixHash.equalIgnoringCase(indicator.value, suffix) { found = indicator }
            }
            return true
        }
        return found
    }

    /// The indicator for `url`: an absolute URL exactly, or a request target (`/path?query`) that
    /// is the path and query of an absolute URL indicator.
    package func match(url: String, nowMilliseconds now: Int64) -> Indicator? {
        guard !urls.isEmpty else { return nil }
        if let found = urls[url], !found.isExpired(atMilliseconds: now) { return found }
        if url.hasPrefix("/"), let bucket = urlTargets[url] {
            return bucket.first { !$0.isExpired(atMilliseconds: now) }
        }
        return nil
    }

    package func match(sha256: String, nowMilliseconds now: Int64) -> Indicator? {
        guard let found = hashes[sha256.lowercased()], !found.isExpired(atMilliseconds: now) else { return nil }
        return found
    }

    /// `intel.check`: what `value` matches, whatever its kind.
    package func check(_ value: String, nowMilliseconds now: Int64) -> Indicator? {
        switch IndicatorValue.detect(value) {
        case .ip: IPv4Address(value).flatMap { match(address: $0, nowMilliseconds: now) }
        case .cidr:
            IPv4CIDR(value).flatMap { indicators[IndicatorKey(kind: .cidr, value: $0.description)] }
                .flatMap { $0.isExpired(atMilliseconds: now) ? nil : $0 }
        case .domain: match(domain: value, nowMilliseconds: now)
        case .url: IndicatorValue.canonicalURL(value).flatMap { match(url: $0, nowMilliseconds: now) }
        case .sha256: match(sha256: value, nowMilliseconds: now)
        case nil: nil
        }
    }

    private static func target(ofURL url: String) -> String? {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        var target = rest[slash...]
        if let fragment = target.firstIndex(of: "#") { target = target[..<fragment] }
        return String(target)
    }
}
