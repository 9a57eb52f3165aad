import GongkaiCheck
import GongkaiModel

/// Two bodies the site keeps apart that may be one (the same name, no place known for both that
/// differs): never merged silently, but named on the findings page of their years, with what to
/// do — a roster alias if they are one body, a place in the front matter if they are not.
struct BodySuggestion: Sendable {
    /// The year keys of both bodies' reports.
    var years: Set<String>
    /// The sentence the findings page shows.
    var text: String
}

enum BodySuggestions {
    static func make(_ bodies: [SiteModel.Body], roster: [SiteConfig.RosterEntry]) -> [BodySuggestion] {
        BodyMatches.nearMatches(bodies.map(\.reports), roster: roster).map { suggestion(bodies[$0.0], bodies[$0.1]) }
    }

    static func suggestion(_ a: SiteModel.Body, _ b: SiteModel.Body) -> BodySuggestion {
        let years = Set((a.reports + b.reports).map { SiteModel.yearKey($0.year) })
        let text = "「\(described(a))」可能与「\(described(b))」是同一机关：如是，请在 gongkai.yaml 的 roster 中为其添加别名；"
            + "如不是，请在报告文件开头的 front matter 中写明 county: 或 city:（名称相同而所在地不明的机关不会自动合并）"
        return BodySuggestion(years: years, text: text)
    }

    /// `太平镇人民政府（2022年，2022/taiping.txt）`
    static func described(_ body: SiteModel.Body) -> String {
        let years = body.reports.compactMap(\.year).map { "\($0)年" }
        let place = body.reports.last.map { [$0.city, $0.county].compactMap { $0 }.joined() } ?? ""
        let details = [place.isEmpty ? "所在地不明" : place, years.joined(separator: "、"), body.reports.first?.source ?? ""].filter { !$0.isEmpty }
        return "\(body.name)（\(details.joined(separator: "，"))）"
    }
}
