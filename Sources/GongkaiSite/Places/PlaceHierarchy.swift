import GongkaiCheck
import GongkaiModel

/// A place reports are summed over: a city, a county or district (a county-level city printed as
/// the county, or as the city when the report names no other), or a town or street office.
struct Place: Hashable, Sendable {
    enum Level: Int, Comparable, Sendable {
        case city, county, town
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    /// The path of names from the widest place read (`淮安市/洪泽区`): two 鼓楼区 of two cities are two places.
    var key: String
    var name: String
    var level: Level
    /// The key of the place it lies in; nil when no report says (never guessed).
    var parent: String?

    /// What the site calls each level.
    static let levelLabels: [Level: String] = [.city: "市", .county: "县（市、区）", .town: "乡镇、街道"]
    var levelLabel: String { Self.levelLabels[level] ?? "" }
}

/// The places of a site, inferred from what the reports print: their city, county and town
/// fields (a town only for a town or street office's report; a department or government is placed
/// where it governs, under the county else the city it names). A county named without its city is
/// put under the one city every other report names it with, and stays at the top when there is
/// none or more than one. A report naming no place, or only a town, is unplaced (地区未识别).
/// Roster bodies are placed by their reports, else by the places their names begin with.
struct PlaceHierarchy: Sendable {
    /// By key.
    var places: [String: Place] = [:]
    /// The place key of each report, by report id; absent: unplaced.
    var reportPlaces: [String: String] = [:]
    /// The place key of each roster body placed, by roster name.
    var rosterPlaces: [String: String] = [:]

    /// `settings`: gongkai.yaml's `places:` (body name → city/county/town), which wins over what
    /// a report prints, for the reports of that body name (or roster name) and the roster entry.
    init(reports: [Report], roster: [SiteConfig.RosterEntry], settings: [String: [String]] = [:]) {
        let set = Dictionary(settings.map { (Self.clean($0.key) ?? "", Self.chain(setting: $0.value)) }, uniquingKeysWith: { a, _ in a })
        var fixed: [String: String] = [:]
        for (report, chain) in reports.compactMap({ report in Self.setting(report, set, roster: roster).map { (report, $0) } }) {
            if let key = add(chain) { fixed[report.id] = key }
        }
        let chains = reports.filter { fixed[$0.id] == nil }.map { (report: $0, chain: Self.chain(of: $0)) }
        var citiesOfCounty: [String: Set<String>] = [:]
        for (_, chain) in chains {
            if let county = chain.county, let city = chain.city { citiesOfCounty[county, default: []].insert(city) }
        }
        for (report, read) in chains {
            var chain = read
            if chain.city == nil, let county = chain.county, let cities = citiesOfCounty[county], cities.count == 1 {
                chain.city = cities.first
            }
            if let key = add(chain) { reportPlaces[report.id] = key }
        }
        reportPlaces.merge(fixed) { _, set in set }
        placeRoster(roster, reports: reports)
        for entry in roster {
            if let chain = ([entry.name] + entry.aliases).lazy.compactMap({ Self.clean($0).flatMap { set[$0] } }).first {
                rosterPlaces[entry.name] = add(chain)
            }
        }
    }

    /// The names a report prints, simplified; the town only for a town's or street office's report.
    struct Chain: Hashable, Sendable {
        var city: String?
        var county: String?
        var town: String?
    }

    static func chain(of report: Report) -> Chain {
        Chain(city: clean(report.city), county: clean(report.county),
              town: report.kind?.isTown == true ? clean(report.town).map(townName) : nil)
    }

    /// A setting's names as a chain: city, county, town by position.
    static func chain(setting parts: [String]) -> Chain {
        let names = parts.map { clean($0) }
        return Chain(city: names.first ?? nil, county: names.count > 1 ? names[1] : nil, town: names.count > 2 ? names[2] : nil)
    }

    /// The chain gongkai.yaml's `places:` sets for a report's body; nil when it sets none.
    static func setChain(_ report: Report, config: SiteConfig) -> Chain? {
        guard !config.places.isEmpty else { return nil }
        let set = Dictionary(config.places.map { (clean($0.key) ?? "", chain(setting: $0.value)) }, uniquingKeysWith: { a, _ in a })
        return setting(report, set, roster: config.roster)
    }

    /// The set place of a report's body: by its name as printed, else by its roster name.
    private static func setting(_ report: Report, _ set: [String: Chain], roster: [SiteConfig.RosterEntry]) -> Chain? {
        guard !set.isEmpty else { return nil }
        if let name = clean(report.body), let chain = set[name] { return chain }
        return BodyIdentity(report, roster: roster)?.rosterName.flatMap { clean($0) }.flatMap { set[$0] }
    }

    /// Adds the places of a chain; the key of its deepest, nil when it names no place (or a town alone).
    private mutating func add(_ chain: Chain) -> String? {
        var parent: String?
        for (name, level) in [(chain.city, Place.Level.city), (chain.county, .county), (chain.town, .town)] {
            guard let name else { continue }
            if level == .town, parent == nil { return nil }
            let key = parent.map { $0 + "/" + name } ?? name
            if places[key] == nil { places[key] = Place(key: key, name: name, level: level, parent: parent) }
            parent = key
        }
        return parent
    }

    /// Each roster body: where its reports are, else the deepest place its name begins with
    /// (`淮安市洪泽区教育局` → 淮安市/洪泽区); unplaced when its name begins with none.
    private mutating func placeRoster(_ roster: [SiteConfig.RosterEntry], reports: [Report]) {
        var byRosterName: [String: String] = [:]
        for report in reports {
            if let name = BodyIdentity(report, roster: roster)?.rosterName, let key = reportPlaces[report.id] { byRosterName[name] = key }
        }
        for entry in roster {
            if let key = byRosterName[entry.name] ?? place(named: entry.name) { rosterPlaces[entry.name] = key }
        }
    }

    /// The deepest known place a body's name begins with, following the hierarchy down from a top
    /// place or from a city or county whose name no other place has (`甲县卫生健康局` → 丙市/甲县).
    func place(named body: String) -> String? {
        var rest = ChineseScript.simplified(body).filter { !$0.isWhitespace }
        var found: String?
        var names: [String: Int] = [:]
        for place in places.values where place.level != .town { names[place.name, default: 0] += 1 }
        var candidates = places.values.filter { $0.parent == nil || ($0.level != .town && names[$0.name] == 1) }
        while let next = candidates.filter({ rest.hasPrefix($0.name) }).max(by: { $0.name.count < $1.name.count }) {
            found = next.key
            rest.removeFirst(next.name.count)
            candidates = places.values.filter { $0.parent == next.key }
        }
        return found
    }

    func place(of report: Report) -> Place? { reportPlaces[report.id].flatMap { places[$0] } }

    /// The place and the places it lies in, widest first.
    func path(_ key: String) -> [Place] {
        var path: [Place] = []
        var next: String? = key
        while let current = next, let place = places[current], path.count < 4 {
            path.insert(place, at: 0)
            next = place.parent
        }
        return path
    }

    /// True when `key` is `ancestor` or lies in it.
    func lies(_ key: String, in ancestor: String) -> Bool { path(key).contains { $0.key == ancestor } }

    func children(of key: String?) -> [Place] {
        places.values.filter { $0.parent == key }.sorted { $0.key < $1.key }
    }

    /// The place a report is governed from: its county, else its city (the ranking's and the
    /// 问题清单's place filters); nil when unplaced.
    func governing(_ report: Report) -> Place? {
        path(reportPlaces[report.id] ?? "").last { $0.level != .town }
    }

    private static func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        let plain = ChineseScript.simplified(text).filter { !$0.isWhitespace }
        return plain.isEmpty ? nil : plain
    }

    /// Data: endings dropped from a town's name (`官洲街道办事处` → `官洲街道`), the first that fits.
    static let townEndings = ["人民政府", "办事处", "政府"]

    static func townName(_ name: String) -> String {
        for ending in townEndings where name.hasSuffix(ending) && name.count > ending.count + 1 {
            return String(name.dropLast(ending.count))
        }
        return name
    }
}
