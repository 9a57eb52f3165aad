import GongkaiCheck
import GongkaiModel

/// One row of a year's ranking (排名): a report with what an overseer grades it by, counted on its
/// open findings only (a finding a review file dismissed costs nothing here).
struct RankingEntry: Sendable {
    var report: Report
    var kind: BodyKind?
    var place: String?
    /// The total score as ranked: rounded to the one decimal shown; nil when not scored or the text
    /// is incomplete (文本不完整: checked on what was received, not ranked).
    var score: Double?
    /// This year's score less last year's, same body; nil when either is unknown or there is none.
    var change: Double?
    /// Whether the body has a report last year (a change of nil then means unknown, not absent).
    var hasPrevious: Bool
    var arithmeticErrors: Int
    var otherErrors: Int
    /// Unknown cells of 表二、表三、表四; nil when the report has none of the three tables.
    var unknownCells: Int?
    var timeliness: Timeliness
    /// Competition ranking among the entries shown (1, 2, 2, 4); nil when not scored.
    var rank: Int?

    /// `previous`: the body's reports of the year before; the change is known only when there is one.
    init(_ report: Report, previous: [Report], config: SiteConfig) {
        self.report = report
        kind = report.kind
        place = ReportPlace.of(report, config: config)
        score = Self.rankedScore(report)
        hasPrevious = !previous.isEmpty
        let before = previous.count == 1 ? Self.rankedScore(previous[0]) : nil
        change = score.flatMap { now in before.map { ((now - $0) * 10).rounded() / 10 } }
        let open = report.findings.filter(\.isOpen)
        arithmeticErrors = ErrorCounts.arithmetic(open)
        otherErrors = Labels.count(open, .error) - arithmeticErrors
        unknownCells = Self.unknownCells(report.tables)
        timeliness = Timeliness.of(report, config: config)
    }

    static func rankedScore(_ report: Report) -> Double? {
        guard !report.incomplete, let total = report.score?.total else { return nil }
        return (total * 10).rounded() / 10
    }

    static func unknownCells(_ tables: Tables) -> Int? {
        let cells = (tables.proactive?.allCells ?? []) + (tables.applications?.allCells ?? []) + (tables.reviews?.allCells ?? [])
        guard tables.proactive != nil || tables.applications != nil || tables.reviews != nil else { return nil }
        return cells.reduce(0) { $0 + ($1.isUnknown ? 1 : 0) }
    }

    /// The ranking's order: score, highest first; the unscored last. Equal scores (as shown, to one
    /// decimal) share a rank and are ordered by fewer 勾稽错误, then fewer other errors, then the
    /// report id (the body's name in pinyin, so the order is stable from build to build).
    static func ranked(_ entries: [RankingEntry]) -> [RankingEntry] {
        var sorted = entries.sorted(by: precedes)
        var previous: (score: Double, rank: Int)?
        for index in sorted.indices {
            guard let score = sorted[index].score else { sorted[index].rank = nil; continue }
            let rank = previous.map { $0.score == score ? $0.rank : index + 1 } ?? index + 1
            sorted[index].rank = rank
            previous = (score, rank)
        }
        return sorted
    }

    static func precedes(_ a: RankingEntry, _ b: RankingEntry) -> Bool {
        switch (a.score, b.score) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            if a.arithmeticErrors != b.arithmeticErrors { return a.arithmeticErrors < b.arithmeticErrors }
            if a.otherErrors != b.otherErrors { return a.otherErrors < b.otherErrors }
            return a.report.id < b.report.id
        }
    }
}

/// A body of the roster with no report in the year: a row 未报送 at the bottom of the ranking.
struct UnreportedEntry: Sendable {
    var name: String
    /// Read from the end of the roster name, as a report's kind is read from its body's name.
    var kind: BodyKind

    init(name: String) {
        self.name = name
        kind = BodyKind.reading(name)
    }
}

/// The rows of one year's ranking, made once for the page, its filtered pages and its CSV.
struct YearRanking: Sendable {
    var year: SiteModel.Year
    /// Every report of the year, ranked.
    var entries: [RankingEntry]
    var unreported: [UnreportedEntry]
    /// Each place's slug (for its page), by place.
    var placeSlugs: [String: String]

    /// `unknownCells`: each report's count of unknown cells, in order, when its tables are not at
    /// hand (a cached report's summary); nil: counted in the reports' tables.
    init(year: SiteModel.Year, model: SiteModel, unknownCells: [Int?]? = nil) {
        self.year = year
        let previous = Self.previousReports(of: year, model: model)
        entries = RankingEntry.ranked(year.reports.enumerated().map { offset, report in
            var entry = RankingEntry(report, previous: previous[report.id] ?? [], config: model.config)
            if let unknownCells { entry.unknownCells = unknownCells[offset] }
            return entry
        })
        unreported = model.missing(in: year).map(UnreportedEntry.init)
        placeSlugs = ReportPlace.slugs(Set(entries.compactMap(\.place)))
    }

    /// Each report's reports of the year before by the same body (matched as the body pages match
    /// them across years), by report id.
    static func previousReports(of year: SiteModel.Year, model: SiteModel) -> [String: [Report]] {
        guard let number = Int(year.key) else { return [:] }
        var previous: [String: [Report]] = [:]
        for body in model.bodies {
            let before = body.reports.filter { $0.year == number - 1 }
            guard !before.isEmpty else { continue }
            for report in body.reports where report.year == number { previous[report.id] = before }
        }
        return previous
    }

    /// The entries of one kind or place, ranked among themselves.
    func entries(where include: (RankingEntry) -> Bool) -> [RankingEntry] {
        RankingEntry.ranked(entries.filter(include))
    }
}
