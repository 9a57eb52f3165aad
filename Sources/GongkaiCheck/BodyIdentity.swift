import Foundation
import GongkaiModel

/// Which body a report is by, across years and files: a roster name when the body's name or town
/// is the name or an alias, else the name normalized (simplified script, 人民政府/政府 and the
/// city dropped) together with its place. `洪泽区人民政府` (city 淮安市 read from its text) and
/// `淮安市洪泽区人民政府` are one body. A town, street office or department whose place is not
/// known at all is a body of its own: two 太平镇 are never merged because their names are equal.
public struct BodyIdentity: Hashable, Sendable {
    /// The unit after its places (`太平镇`, `公安局`; empty for a county's own government).
    public var unit: String
    public var county: String?
    public var city: String?
    /// The roster name, when the roster names the body.
    public var rosterName: String?
    /// Set for a body with no place, which matches no other report: its source file.
    public var unplaced: String?

    /// nil when the report names no body. Made once per process for the same inputs and roster: a
    /// build asks for every report's identity three times (previous-year index, duplicates, site model).
    public init?(body: String?, kind: BodyKind?, city: String?, county: String?, town: String?, source: String, roster: [SiteConfig.RosterEntry]) {
        let inputs = Inputs(body: body, kind: kind, city: city, county: county, town: town, source: source)
        let index = RosterIndex.of(roster)
        if let known = index.memo.value(inputs) {
            guard let known else { return nil }
            self = known
            return
        }
        let made = BodyIdentity(computing: inputs, roster: roster, index: index)
        index.memo.store(made, for: inputs)
        guard let made else { return nil }
        self = made
    }

    /// What an identity is made from.
    struct Inputs: Hashable, Sendable {
        var body: String?
        var kind: BodyKind?
        var city: String?
        var county: String?
        var town: String?
        var source: String
    }

    private init?(computing inputs: Inputs, roster: [SiteConfig.RosterEntry], index: RosterIndex) {
        let names = [inputs.body, inputs.town].compactMap { $0 }
        guard let name = names.first else { return nil }
        if !roster.isEmpty {
            if let rosterName = names.lazy.compactMap({ index.names[Self.rosterKey($0)] }).first {
                self.init(unit: rosterName, rosterName: rosterName)
                return
            }
        }
        var rest = Self.withoutGovernment(Self.plain(name))
        let kind = inputs.kind ?? BodyKind.reading(name)
        var city = inputs.city.map(Self.plain)
        if let known = city, rest.hasPrefix(known) {
            rest.removeFirst(known.count)
        } else if city == nil, let split = Self.splitCity(rest) {
            (city, rest) = split
        }
        var county = inputs.county.map(Self.plain)
        if let known = county, rest.hasPrefix(known) { rest.removeFirst(known.count) }
        if county == nil, kind == .government, let last = rest.last, "区县旗".contains(last) {
            (county, rest) = (rest, "")
        }
        self.init(unit: rest, county: county, city: city.map(Self.withoutCitySuffix))
        // a county's government or a zone is named by its place; anything else needs one
        if county == nil, city == nil, kind != .zone, kind != .government { unplaced = inputs.source }
        // `洪泽区人民政府` of 淮安市 is the roster's `淮安市洪泽区人民政府`, alias or not
        if unplaced == nil, !roster.isEmpty, let rosterName = index.identities[key] {
            self.rosterName = rosterName
        }
    }

    private init(unit: String, county: String? = nil, city: String? = nil, rosterName: String? = nil) {
        self.unit = unit
        self.county = county
        self.city = city
        self.rosterName = rosterName
    }

    /// A string two reports of one body share, and only they.
    public var key: String {
        if let rosterName { return "roster:" + rosterName }
        if let unplaced { return "file:" + unplaced }
        return "\(unit)|\(county ?? "")|\(city ?? "")"
    }

    /// The identity of a report's body; nil when it names none.
    public init?(_ report: Report, roster: [SiteConfig.RosterEntry]) {
        self.init(body: report.body, kind: report.kind, city: report.city, county: report.county, town: report.town,
                  source: report.source, roster: roster)
    }

    /// True when two different identities may still be one body: the same unit, and no place
    /// known for both that differs (`太平镇人民政府` with no place and `太平镇人民政府` of 姚安县).
    public func mayBe(_ other: BodyIdentity) -> Bool {
        guard self != other, rosterName == nil, other.rosterName == nil, unit == other.unit else { return false }
        func compatible(_ a: String?, _ b: String?) -> Bool { a == nil || b == nil || a == b }
        return compatible(county, other.county) && compatible(city, other.city)
    }

    /// Simplified script, no spaces.
    static func plain(_ name: String) -> String {
        let simplified = ChineseScript.simplified(name)
        // Most names hold no space: not copied character by character then.
        guard simplified.unicodeScalars.contains(where: \.properties.isWhitespace) else { return simplified }
        return simplified.filter { !$0.isWhitespace }
    }

    /// Compared with roster names: plain, without a trailing 人民政府.
    static func rosterKey(_ name: String) -> String { withoutGovernment(plain(name)) }

    /// `太平镇人民政府` → `太平镇`, `官洲街道办事处` → `官洲街道`.
    static func withoutGovernment(_ name: String) -> String {
        for suffix in ["人民政府", "政府", "办事处"] where name.hasSuffix(suffix) && name.count > suffix.count + 1 {
            let rest = String(name.dropLast(suffix.count))
            if suffix != "办事处" || rest.hasSuffix("街道") { return rest }
        }
        return name
    }

    /// `淮安市洪泽区` → (`淮安市`, `洪泽区`): a city of two to four characters before a rest of two or more.
    static func splitCity(_ name: String) -> (String, String)? {
        let characters = Array(name)
        for length in 3...5 where characters.count >= length + 2 && characters[length - 1] == "市" {
            return (String(characters[..<length]), String(characters[length...]))
        }
        return nil
    }

    static func withoutCitySuffix(_ city: String) -> String {
        city.hasSuffix("市") && city.count > 2 ? String(city.dropLast()) : city
    }
}

/// A roster's names and aliases by their key (`BodyIdentity.rosterKey`), made once per roster:
/// looked up for every report, the roster was walked and its names normalized each time. It also
/// keeps the identities made with this roster.
final class RosterIndex: Sendable {
    /// Key → roster name; the first entry wins where two share a name.
    let names: [String: String]
    /// The identity key of each name that carries its place → roster name.
    let identities: [String: String]
    /// The identities made with this roster, by their inputs (nil: the inputs name no body).
    let memo = IdentityMemo()

    init(_ roster: [SiteConfig.RosterEntry]) {
        var names: [String: String] = [:], identities: [String: String] = [:]
        for entry in roster {
            for name in [entry.name] + entry.aliases {
                if names[BodyIdentity.rosterKey(name)] == nil { names[BodyIdentity.rosterKey(name)] = entry.name }
                guard let identity = BodyIdentity(body: name, kind: nil, city: nil, county: nil, town: nil, source: "", roster: []),
                      identity.unplaced == nil, identities[identity.key] == nil else { continue }
                identities[identity.key] = entry.name
            }
        }
        self.names = names
        self.identities = identities
    }

    /// The index of a roster: the empty one's, or the one most recently asked for (a build has one
    /// roster besides the empty one duplicates are found with).
    static func of(_ roster: [SiteConfig.RosterEntry]) -> RosterIndex {
        if roster.isEmpty { return empty }
        if let known = LastRoster.shared.get(), known.roster == roster { return known.index }
        let index = RosterIndex(roster)
        LastRoster.shared.set((roster, index))
        return index
    }

    private static let empty = RosterIndex([])
}

/// The last roster indexed, behind a lock.
private final class LastRoster: @unchecked Sendable {
    static let shared = LastRoster()
    private let lock = NSLock()
    private var value: (roster: [SiteConfig.RosterEntry], index: RosterIndex)?

    func get() -> (roster: [SiteConfig.RosterEntry], index: RosterIndex)? { lock.withLock { value } }
    func set(_ value: (roster: [SiteConfig.RosterEntry], index: RosterIndex)) { lock.withLock { self.value = value } }
}

/// Identities by their inputs, behind a lock; emptied when it holds `limit` (a long `serve` session).
final class IdentityMemo: @unchecked Sendable {
    static let limit = 200_000
    private let lock = NSLock()
    private var values: [BodyIdentity.Inputs: BodyIdentity?] = [:]

    /// nil when not made yet; `.some(nil)` when the inputs name no body.
    func value(_ inputs: BodyIdentity.Inputs) -> BodyIdentity?? { lock.withLock { values[inputs] } }

    func store(_ identity: BodyIdentity?, for inputs: BodyIdentity.Inputs) {
        lock.withLock {
            if values.count >= Self.limit { values.removeAll() }
            values[inputs] = .some(identity)
        }
    }
}
