import GongkaiModel

extension RankingPage {
    /// Writes a year's ranking pages (all, each kind, each place) and its CSV. They depend on the
    /// year's reports and, for the change since last year, on the year before's: taken whole from
    /// the previous build when neither changed (nor the roster, the theme or the binary).
    /// `whole` gives a report its details (the unknown cells are counted in its table rows);
    /// `kept`: the counts as the last build made them, so that only changed reports are decoded.
    static func write(
        _ year: SiteModel.Year, model: SiteModel, theme: PageTheme, keys: RenderKeys?, whole: (@Sendable (Report) -> Report)?,
        kept: KeptByReport? = nil, into sink: FileCount
    ) throws {
        let paths = paths(year, model: model)
        try sink.keyed(paths, key: key(year, model: model, keys: keys, paths: paths + placeLinks(year, model: model))) {
            let ranking = YearRanking(year: year, model: model, unknownCells: unknownCells(year.reports, whole: whole, kept: kept))
            let pages = Self.pages(ranking, model: model)
            for page in pages { try sink.put(page.path, theme.render(page.context())) }
            try sink.put(SitePath.rankingCSV(year.key), csv(ranking))
        }
    }

    /// Each report's unknown cells (`RankingEntry.unknownCells`), in order; nil: the reports are whole.
    private static func unknownCells(_ reports: [Report], whole: (@Sendable (Report) -> Report)?, kept: KeptByReport?) -> [Int?]? {
        guard let whole else { return nil }
        let count: @Sendable (Report) -> Int? = { RankingEntry.unknownCells(whole($0).tables) }
        guard let kept else { return ParallelMap.map(reports, count) }
        return kept.fields(reports, valid: { $0.count == 1 && ($0[0].isEmpty || Int($0[0]) != nil) }, make: { [count($0).map(String.init) ?? ""] })
            .map { Int($0[0]) }
    }

    /// The files of the year's ranking: its page, one per kind and place present, and the CSV.
    static func paths(_ year: SiteModel.Year, model: SiteModel) -> [String] {
        let kinds = RankingFilter.kinds(present: Set(year.reports.map { RankingFilter.kindKey($0.kind) }))
        let places = RankingFilter.places(slugs: ReportPlace.slugs(Set(year.reports.compactMap({ ReportPlace.of($0, config: model.config) }))))
        return [SitePath.ranking(year.key)] + (kinds + places).map { SitePath.ranking(year.key, filter: $0.id) } + [SitePath.rankingCSV(year.key)]
    }

    /// The place pages the year's place filters link to (their slugs depend on every report's place).
    static func placeLinks(_ year: SiteModel.Year, model: SiteModel) -> [String] {
        Set(year.reports.compactMap { model.places.governing($0)?.key }).sorted().compactMap { model.placeSlugs[$0] }
    }

    /// The year's key joined with the year before's (nil: some report has no digest).
    private static func key(_ year: SiteModel.Year, model: SiteModel, keys: RenderKeys?, paths: [String]) -> String? {
        guard let keys, let own = keys.year(year, kind: "ranking\0" + paths.joined(separator: "\0"), model: model) else { return nil }
        guard let number = Int(year.key), let before = model.years.first(where: { $0.key == String(number - 1) }) else { return own }
        return keys.year(before, kind: "ranking-previous\0" + own, model: model)
    }
}
