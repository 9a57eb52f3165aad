import GongkaiModel

/// The places' pages: `places/index.html` (every place, its years, and what is 地区未识别) and one
/// page per place and year (`places/<slug>/<year>.html`): the sums of its reports' tables, its
/// ranking, its open findings and the roster bodies placed in it that have not reported. A place
/// holds the reports of the places inside it.
struct PlacePages {
    var model: SiteModel
    var hierarchy: PlaceHierarchy
    /// The URL slug of each place, by key.
    var slugs: [String: String]
    /// Each place's reports (its own and those of the places inside it), by place key.
    var reportsIn: [String: [Report]] = [:]
    /// The roster bodies placed in each place or inside it, by place key.
    var rosterIn: [String: Set<String>] = [:]

    static let indexPath = "places/index.html"
    static func path(slug: String, year: String) -> String { "places/\(slug)/\(year).html" }

    /// `reports`: the model's reports whole (their table rows are summed).
    init(model: SiteModel, reports: [Report]) {
        self.model = model
        hierarchy = model.places
        slugs = model.placeSlugs
        for report in reports {
            guard let key = hierarchy.reportPlaces[report.id] else { continue }
            for place in hierarchy.path(key) { reportsIn[place.key, default: []].append(report) }
        }
        for (name, key) in hierarchy.rosterPlaces {
            for place in hierarchy.path(key) { rosterIn[place.key, default: []].insert(name) }
        }
    }

    /// Slugs of the keys' names in pinyin, unique (`huai-an-shi-hong-ze-qu`).
    static func slugs(_ hierarchy: PlaceHierarchy) -> [String: String] {
        let byLabel = ReportPlace.slugs(Set(hierarchy.places.keys.map(label)))
        return hierarchy.places.keys.reduce(into: [:]) { $0[$1] = byLabel[label($1)] }
    }

    /// A key as one name: `淮安市/洪泽区` → `淮安市洪泽区`.
    static func label(_ key: String) -> String { key.split(separator: "/").joined() }

    /// The known years with a page for the place: those it has reports in, and every year when
    /// roster bodies are placed in it (who has not reported is then worth a page).
    func years(of key: String) -> [SiteModel.Year] {
        let withReports = Set((reportsIn[key] ?? []).compactMap(\.year).map(String.init))
        let roster = !(rosterIn[key] ?? []).isEmpty
        return model.years.filter { $0.key != "unknown" && (roster || withReports.contains($0.key)) }
    }

    /// Every page's path, for the cache key and the writer.
    var paths: [String] {
        [Self.indexPath] + hierarchy.places.keys.sorted().flatMap { key in
            years(of: key).map { Self.path(slug: slugs[key] ?? "", year: $0.key) }
        }
    }

    func link(_ key: String, year: String) -> String { Self.path(slug: slugs[key] ?? "", year: year) }

    /// The page of the place a ranking's place filter stands for, in its year: the governing place
    /// of the filter's reports when they all have the same one (nil otherwise, or for all).
    static func page(of filter: RankingFilter, ranking: YearRanking, model: SiteModel) -> String? {
        guard filter.isPlace else { return nil }
        let keys = Set(ranking.entries.filter(filter.includes).compactMap { model.places.governing($0.report)?.key })
        guard keys.count == 1, let key = keys.first, let slug = model.placeSlugs[key] else { return nil }
        return path(slug: slug, year: ranking.year.key)
    }

    /// The newest year the place has a page for.
    func newestLink(_ key: String) -> String? { years(of: key).first.map { link(key, year: $0.key) } }

    /// The reports of a year in a place.
    func reports(in key: String, year: SiteModel.Year) -> [Report] {
        (reportsIn[key] ?? []).filter { SiteModel.yearKey($0.year) == year.key }
    }

    /// The roster bodies placed in the place with no report in the year, in roster order.
    func unreported(in key: String, year: SiteModel.Year) -> [String] {
        let placed = rosterIn[key] ?? []
        return model.missing(in: year).filter(placed.contains)
    }
}
