import GongkaiModel

/// rankings/<year>.html: the year's reports ranked by score, with a page per kind of body and per
/// place (`rankings/<year>-kind-town.html`), the roster's unreported bodies as rows at the bottom,
/// and a CSV twin of the whole ranking.
struct RankingPage {
    var ranking: YearRanking
    var filter: RankingFilter
    var model: SiteModel
    /// How many reports each filter keeps, by the filter's id ("" for all): counted once for all the pages.
    var counts: [String: Int] = [:]

    var key: String { ranking.year.key }
    var path: String { filter.id.isEmpty ? SitePath.ranking(key) : SitePath.ranking(key, filter: filter.id) }

    /// Every page of the year's ranking: all, then each kind, then each place.
    static func pages(_ ranking: YearRanking, model: SiteModel) -> [RankingPage] {
        var counts = ["": ranking.entries.count]
        for entry in ranking.entries {
            counts["kind-" + RankingFilter.kindKey(entry.kind), default: 0] += 1
            if let slug = entry.place.flatMap({ ranking.placeSlugs[$0] }) { counts["place-" + slug, default: 0] += 1 }
        }
        return ([RankingFilter.all] + RankingFilter.kinds(of: ranking) + RankingFilter.places(of: ranking)).map {
            RankingPage(ranking: ranking, filter: $0, model: model, counts: counts)
        }
    }

    func context() -> ThemeContext.RankingContext {
        let label = ranking.year.label
        let scope = filter.id.isEmpty ? nil : filter.label
        var crumbs: [(String, String?)] = [(label + "排名", scope == nil ? nil : SitePath.ranking(key))]
        if let scope { crumbs.append((scope, nil)) }
        let common = PageContext.common(page: path, title: "\(label)各机关排名" + (scope.map { "（\($0)）" } ?? ""), model: model, breadcrumbs: crumbs)
        let entries = ranking.entries(where: filter.includes)
        let unreported = ranking.unreported.filter(filter.includes)
        return ThemeContext.RankingContext(common: common, ranking: ThemeContext.RankingInfo(
            label: label, key: key, scope: scope, count: entries.count, rankedCount: entries.filter { $0.rank != nil }.count,
            isAll: filter.id.isEmpty, kinds: links(RankingFilter.kinds(of: ranking)), places: links(RankingFilter.places(of: ranking)),
            hasPlaces: !ranking.placeSlugs.isEmpty, allHref: SitePath.ranking(key), csvHref: SitePath.rankingCSV(key),
            yearHref: SitePath.year(key), findingsHref: SitePath.findings(key),
            rows: entries.map { Self.row($0, placeSlugs: ranking.placeSlugs) },
            unreported: unreported.map { ThemeContext.UnreportedRow(name: $0.name, kind: $0.kind.label, kindKey: $0.kind.rawValue) },
            hasUnreported: !unreported.isEmpty, unreportedCount: unreported.count,
            placeHref: PlacePages.page(of: filter, ranking: ranking, model: model)))
    }

    /// The filter links of one dimension, led by 全部, the current one marked.
    private func links(_ filters: [RankingFilter]) -> [ThemeContext.FilterLink] {
        let all = ThemeContext.FilterLink(label: "全部", href: SitePath.ranking(key), value: "", current: filter.id.isEmpty, count: counts[""] ?? 0)
        return [all] + filters.map { other in
            ThemeContext.FilterLink(label: other.label, href: SitePath.ranking(key, filter: other.id), value: other.value,
                                    current: other.id == filter.id, count: counts[other.id] ?? 0)
        }
    }

    static func row(_ entry: RankingEntry, placeSlugs: [String: String]) -> ThemeContext.RankRow {
        let view = RankingCells(entry)
        return ThemeContext.RankRow(
            rank: view.rank, rankSort: entry.rank.map(String.init), name: entry.report.siteName, href: SitePath.report(entry.report.id),
            kind: RankingFilter.kindLabel(entry.kind), kindKey: RankingFilter.kindKey(entry.kind), kindKnown: entry.kind != nil,
            place: entry.place ?? "—", placeKey: entry.place.flatMap { placeSlugs[$0] } ?? "", placeKnown: entry.place != nil,
            score: view.score, scoreSort: entry.score.map(ScoreView.oneDecimal), scoreClass: view.scoreClass, scoreTitle: view.scoreTitle,
            change: view.change, changeSort: entry.change.map(ScoreView.oneDecimal), changeTitle: view.changeTitle,
            arithmetic: entry.arithmeticErrors, arithmeticClass: entry.arithmeticErrors > 0 ? "fail" : nil,
            others: entry.otherErrors, othersClass: entry.otherErrors > 0 ? "fail" : nil,
            unknownCells: view.unknownCells, unknownSort: entry.unknownCells.map(String.init),
            timeliness: entry.timeliness.label, timelinessSort: view.timelinessSort, timelinessClass: view.timelinessClass)
    }

    /// The CSV twin: every report ranked, then the roster's unreported bodies.
    static func csv(_ ranking: YearRanking) -> [UInt8] {
        var csv = CSVWriter(capacity: 256 + ranking.entries.count * 160)
        csv.row(RankingCells.csvHeader)
        for entry in ranking.entries { csv.row(RankingCells(entry).csvFields) }
        for body in ranking.unreported {
            csv.row(["", body.name, body.kind.label, "", "", "", "", "", "", "", "未报送", ""])
        }
        return csv.bytes
    }
}

/// One ranked report's cells as the page and the CSV write them.
struct RankingCells {
    var entry: RankingEntry

    init(_ entry: RankingEntry) { self.entry = entry }

    static let csvHeader = ["排名", "机关", "机关类型", "地区", "完整性得分", "较上年", "勾稽错误", "其他错误", "无法识别单元格", "按时发布", "报送情况", "报告"]

    var rank: String { entry.rank.map(String.init) ?? "—" }

    var score: String {
        if entry.report.incomplete { return "文本不完整" }
        return entry.score.map(ScoreView.oneDecimal) ?? "?"
    }
    var scoreClass: String? { entry.report.incomplete ? "incomplete" : entry.score == nil ? "unknown" : nil }
    var scoreTitle: String? {
        if entry.report.incomplete { return "文本不完整：仅就收到的部分核对，不参与排名" }
        return entry.score == nil ? "尚未评分" : nil
    }

    /// `+2.3`, `-1.5`, `0.0`; `—` without last year's report, `?` when a score is unknown.
    var change: String {
        guard let change = entry.change else { return entry.hasPrevious ? "?" : "—" }
        return change > 0 ? "+" + ScoreView.oneDecimal(change) : ScoreView.oneDecimal(change)
    }
    var changeTitle: String? {
        entry.change != nil ? nil : entry.hasPrevious ? "本年或上年得分未知（或上年有两份报告）" : "上年无该机关报告"
    }

    var unknownCells: String { entry.unknownCells.map(String.init) ?? "—" }

    var timelinessSort: String? {
        switch entry.timeliness {
        case .onTime: "0"
        case .late: "1"
        case .unknown: nil
        }
    }
    var timelinessClass: String {
        switch entry.timeliness {
        case .onTime: "left"
        case .late: "left fail"
        case .unknown: "left unknown-text"
        }
    }

    /// Unknown values are empty fields, never 0 or `?`.
    var csvFields: [String] {
        [entry.rank.map(String.init) ?? "", entry.report.siteName, RankingFilter.kindLabel(entry.kind), entry.place ?? "",
         entry.report.incomplete ? "文本不完整" : entry.score.map(ScoreView.oneDecimal) ?? "",
         entry.change.map { $0 > 0 ? "+" + ScoreView.oneDecimal($0) : ScoreView.oneDecimal($0) } ?? "",
         String(entry.arithmeticErrors), String(entry.otherErrors), entry.unknownCells.map(String.init) ?? "",
         entry.timeliness == .unknown ? "" : entry.timeliness.label, "已报送", SitePath.report(entry.report.id)]
    }
}
