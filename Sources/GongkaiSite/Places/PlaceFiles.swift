import GongkaiModel

extension PlacePages {
    /// Writes the places index and every place's page of every year. They depend on all reports
    /// (a ranking's change since last year too) and on the roster: taken whole from the previous
    /// build when none changed. `whole` gives a report its details (the sums read its table rows).
    static func write(model: SiteModel, theme: PageTheme, keys: RenderKeys?, whole: (@Sendable (Report) -> Report)?, into sink: FileCount) throws {
        let summary = PlacePages(model: model, reports: model.reports)
        let paths = summary.paths
        let roster = model.config.roster.map { ([$0.name] + $0.aliases).joined(separator: "\u{1}") }
        let settings = model.config.places.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value.joined(separator: "/") }
        let kind = (["places"] + roster + settings + paths).joined(separator: "\0")
        try sink.keyed(paths, key: keys?.allReports(kind: kind, model: model)) {
            let reports = whole.map { ParallelMap.map(model.reports, $0) } ?? model.reports
            let pages = PlacePages(model: model, reports: reports)
            try sink.put(indexPath, theme.render(pages.indexContext()))
            for year in model.years where year.key != "unknown" {
                var whole = year
                whole.reports = reports.filter { SiteModel.yearKey($0.year) == year.key }
                let ranking = YearRanking(year: whole, model: model)
                for key in pages.hierarchy.places.keys.sorted() where pages.years(of: key).contains(where: { $0.key == year.key }) {
                    try sink.put(pages.link(key, year: year.key), theme.render(pages.context(key, year: year, ranking: ranking)))
                }
            }
        }
    }
}
