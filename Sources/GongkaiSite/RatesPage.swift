import GongkaiCheck
import GongkaiModel

/// rates.html: each rate per year over all the year's reports (sums of their cells), as an SVG
/// chart with its table beside it; data/rates.csv the same table. Made afresh on every build (a
/// change against last year depends on other reports than the year's own), unless no report changed.
struct RatesPage {
    var model: SiteModel
    static let path = "rates.html"
    static let csvPath = "data/rates.csv"
    /// The reports' rate cells (`RateCells`), in order: read off whole reports, or kept from the
    /// last build (`KeptRateCells`: a cached report's summary lacks its tables' rows).
    var cells: @Sendable ([Report]) -> [RateCells] = { ParallelMap.map($0, RateCells.init) }

    /// A year's rate: over all its reports, and over those whose inputs are all known.
    struct YearRate {
        var all: RateResult
        var known: RateResult
    }

    /// Each known year, oldest first, with each rate's total.
    var years: [(label: String, results: [YearRate])] {
        let reports = model.reports
        let cells = self.cells(reports)
        let previous = PreviousReportIndex.previousIndices(reports.map(PreviousReportIndex.Identity.init), roster: model.config.roster)
        var byYear: [Int: [Int]] = [:]
        for (offset, report) in reports.enumerated() { if let year = report.year { byYear[year, default: []].append(offset) } }
        return model.years.filter { $0.key != "unknown" }.reversed().map { year in
            let entries = (Int(year.key).flatMap { byYear[$0] } ?? []).map { offset in
                (offset: offset, previous: previous[offset].map { (cells: cells[$0], findings: reports[$0].findings) })
            }
            return (year.label, RateView.definitions.map { definition in
                let counted = definition.isChange ? entries.filter { $0.previous != nil } : entries
                let each = counted.map { RateResult(definition, cells: cells[$0.offset], findings: reports[$0.offset].findings, previous: $0.previous) }
                let complete = each.filter { result in !(result.numerator + result.denominator).contains { $0.unknownCount > 0 } }
                return YearRate(all: RateResult(definition, summing: each), known: RateResult(definition, summing: complete))
            })
        }
    }

    /// Years are worked out once for the page and its CSV.
    func context() -> ThemeContext.RatesContext { context(years: years) }

    func context(years: [(label: String, results: [YearRate])]) -> ThemeContext.RatesContext {
        let series = RateView.definitions.enumerated().map { offset, definition in
            let results = years.map { ($0.label, $0.results[offset]) }
            return ThemeContext.RateSeries(
                id: definition.key, name: definition.name, formula: definition.formula, chart: chart(definition, results).svg,
                rows: results.map { label, rate in
                    let result = rate.all
                    return ThemeContext.RateYearRow(year: label, reports: result.reportCount,
                                                    numerator: RateView.total(result.numerator, result.numeratorTotal),
                                                    denominator: RateView.total(result.denominator, result.denominatorTotal),
                                                    value: RateView.value(result), status: RateView.status(result),
                                                    knownReports: rate.known.reportCount, knownValue: RateView.value(rate.known))
                },
                note: definition.isChange ? "只计上年也有报告的机关；报告数为这些机关的数目。" : nil)
        }
        let common = PageContext.common(page: Self.path, title: "各年度比率", model: model, breadcrumbs: [("各年度比率", nil)])
        return ThemeContext.RatesContext(common: common, rates: series, csvHref: Self.csvPath, hasYears: !years.isEmpty)
    }

    /// The rate in percent across years, over the reports whose inputs are all known; not
    /// applicable draws "—".
    private func chart(_ definition: RateDefinition, _ results: [(String, YearRate)]) -> BarChart {
        var chart = BarChart(title: definition.name + "（%，数值完整的报告合计）", points: results.map { label, rate in
            if case .known(let fraction) = rate.known.value { return (label, (fraction * 1_000).rounded() / 10) }
            return (label, nil)
        }, id: "rate-" + definition.key)
        for (index, (_, rate)) in results.enumerated() where rate.known.value == .notApplicable { chart.absentLabels[index] = "—" }
        return chart
    }

    /// data/rates.csv: one row per year and rate.
    func csv() -> [UInt8] { csv(years: years) }

    func csv(years: [(label: String, results: [YearRate])]) -> [UInt8] {
        var rows = [["年度", "比率", "计算公式", "报告数", "分子", "分母", "比率（%）", "说明", "数值完整的报告数", "其合计比率（%）"]]
        for year in years {
            for rate in year.results {
                let result = rate.all
                rows.append([year.label, result.definition.name, result.definition.formula, String(result.reportCount),
                             RateView.total(result.numerator, result.numeratorTotal), RateView.total(result.denominator, result.denominatorTotal),
                             DataExports.csvRate(result), RateView.note(result) ?? "", String(rate.known.reportCount), DataExports.csvRate(rate.known)])
            }
        }
        return CSV.bytes(rows)
    }
}

extension RenderKeys {
    /// A page made from every report (rates.html): all reports' digests and ids, in order.
    func allReports(kind: String, model: SiteModel) -> String? {
        var bytes = salt + Array("\(kind)\0".utf8)
        for report in model.reports {
            guard let digest = reports[report.id] else { return nil }
            bytes += Array("\(digest)\0\(report.id)\0".utf8)
        }
        return ContentHash.hex(bytes)
    }
}
