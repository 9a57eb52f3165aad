import GongkaiModel

/// Bodies kept apart that may be one: the same unit name, and no place known for both that
/// differs (`太平镇人民政府` with no place printed and `太平镇人民政府` of 姚安县). Never merged: the
/// site and `gongkai check` name them, with what to do.
public enum BodyMatches {
    /// At most this many pairs for one name: a name many bodies share (`办公室`) says nothing.
    public static let perName = 6

    /// The reports grouped by body (`BodyIdentity.key`, a report naming no body alone), in order of first report.
    public static func bodies(_ reports: [Report], roster: [SiteConfig.RosterEntry]) -> [[Report]] {
        var order: [String] = []
        var groups: [String: [Report]] = [:]
        for report in reports {
            let key = BodyIdentity(report, roster: roster)?.key ?? "file:" + report.source
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(report)
        }
        return order.map { groups[$0] ?? [] }
    }

    /// Index pairs of `bodies` (each one body's reports) that may be one body.
    public static func nearMatches(_ bodies: [[Report]], roster: [SiteConfig.RosterEntry]) -> [(Int, Int)] {
        var byUnit: [String: [(index: Int, identity: BodyIdentity)]] = [:]
        for (index, reports) in bodies.enumerated() {
            guard let newest = reports.last, let identity = BodyIdentity(newest, roster: roster), !identity.unit.isEmpty,
                  identity.rosterName == nil else { continue }
            byUnit[identity.unit, default: []].append((index, identity))
        }
        var pairs: [(Int, Int)] = []
        for unit in byUnit.keys.sorted() {
            guard var group = byUnit[unit], group.count > 1 else { continue }
            // the older body first, whatever the order the reports came in
            func order(_ index: Int) -> (Int, String) { (bodies[index].compactMap(\.year).min() ?? 0, bodies[index].first?.source ?? "") }
            group.sort { order($0.index) < order($1.index) }
            var made = 0
            for i in group.indices {
                for j in group.indices where j > i && made < perName && group[i].identity.mayBe(group[j].identity) {
                    pairs.append((group[i].index, group[j].index))
                    made += 1
                }
            }
        }
        return pairs
    }

    /// For `gongkai check`: `太平镇人民政府 (a.txt) may be 太平镇人民政府 (b.txt): …`.
    public static func note(_ a: [Report], _ b: [Report]) -> String {
        func named(_ reports: [Report]) -> String {
            "\(reports.last?.displayName ?? "?") (\(reports.map(\.source).joined(separator: ", ")))"
        }
        return "\(named(a)) may be \(named(b)): if they are one body, add an alias to the roster in gongkai.yaml; "
            + "if not, give `county:` or `city:` in the front matter (bodies of one name whose places are unknown are never merged)"
    }
}
