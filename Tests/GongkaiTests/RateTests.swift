import Foundation
import GongkaiCheck
import GongkaiModel
import Testing
@testable import GongkaiSite

/// The rates worked out from real tables; the expected fractions are computed here from the
/// values read by hand (../shared/reports/README.md, "Values read by hand"), not from the parser.
@Suite struct RateTests {
    static func checked(_ name: String, previous: Report? = nil) throws -> Report {
        ReportChecker.check(try ParsedFixture.report(name), previous: previous, config: SiteConfig())
    }

    static func rate(_ key: String, _ report: Report, previous: Report? = nil) -> RateResult.Value {
        RateResult(RateDefinition.named(key)!, report: report, previous: previous).value
    }

    static func expect(_ value: RateResult.Value, _ fraction: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        guard case .known(let actual) = value else {
            Issue.record("expected \(fraction), got \(value)", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(actual - fraction) < 1e-12, sourceLocation: sourceLocation)
    }

    @Test func everyPathOfTheTableIsACellOfTheModel() {
        for definition in RateDefinition.all {
            for term in definition.numerator + definition.denominator {
                #expect(CellPath(term.path.key).key == term.path.key)
            }
        }
        #expect(RateDefinition.all.map(\.key) == RateDefinition.all.map(\.key).sorted())
        #expect(Set(RateDefinition.shown) == Set(RateDefinition.all.map(\.key)))
    }

    /// 平潭 2023: 表三 总计 81 received; 予以公开 22, 部分公开 20, 不予公开 0+0+0+1+0+1+1+2 = 5,
    /// 无法提供 31+0+0, （七）总计 81, 结转 0; 表四 复议 1,1,0,0,2, 直接起诉 4,0,0,1,5, 复议后起诉 1,0,1,0,2.
    @Test func pingtan2023() throws {
        let report = try Self.checked(Fixture.pingtan2023)
        Self.expect(Self.rate("disclosure", report), 42.0 / 81)
        Self.expect(Self.rate("refusal", report), 5.0 / 81)
        Self.expect(Self.rate("unable", report), 31.0 / 81)
        Self.expect(Self.rate("carryForward", report), 0.0 / 81)
        Self.expect(Self.rate("reconsiderationCorrection", report), 1.0 / (2 - 0))
        Self.expect(Self.rate("lawsuitCorrection", report), 0.0 / (5 - 1 + 2 - 0))
        // no 2022 report: the change is unknown, not 0
        #expect(Self.rate("applicationsChange", report) == .unknown(["上年表三 一、本年新收政府信息公开申请数量 · 总计"]))
    }

    /// 平潭 2021: 70 received, 0 carried over; 30 + 5 granted of 69 decided; 1 carried forward;
    /// 复议 1,0,2,0,3; 直接起诉 12,0,0,0,12. Against 2020 (21 received): +233.3 %.
    @Test func pingtan2021AndTheChangeFrom2020() throws {
        let earlier = try Self.checked(Fixture.pingtan2020)
        let report = try Self.checked(Fixture.pingtan2021, previous: earlier)
        Self.expect(Self.rate("disclosure", report), 35.0 / 69)
        Self.expect(Self.rate("refusal", report), 8.0 / 69)
        Self.expect(Self.rate("carryForward", report), 1.0 / 70)
        Self.expect(Self.rate("reconsiderationCorrection", report), 0.0 / 3)
        Self.expect(Self.rate("lawsuitCorrection", report), 0.0 / 12)
        Self.expect(Self.rate("applicationsChange", report, previous: earlier), (70.0 - 21) / 21)
        #expect(RateView.percent((70.0 - 21) / 21, signed: true) == "+233.3%")
    }

    /// 平潭 2020 as published: the outcome rows add up to 27 and （七）总计 says 21, so every rate
    /// over （七）总计 is unknown (the check names the cells); 表四 all 0: not applicable, never 0 %.
    @Test func pingtan2020ContestedTotalAndEmptyReviews() throws {
        let report = try Self.checked(Fixture.pingtan2020)
        guard case .unknown(let why) = Self.rate("disclosure", report) else { Issue.record("disclosure should be unknown"); return }
        #expect(why.contains("表三 （七）总计 · 总计" + RateResult.contested))
        #expect(Self.rate("reconsiderationCorrection", report) == .notApplicable)
        #expect(Self.rate("lawsuitCorrection", report) == .notApplicable)
        Self.expect(Self.rate("carryForward", report), 0.0 / 21)
        let row = RateView.reportRows(report).first { $0.name == "复议纠错率" }
        #expect(row?.value == "—")
    }

    /// 洪泽区 2023: 表四's totals contradict their parts (复议 10 + 1 + 0 + 0 ≠ 0): no 纠错率.
    @Test func hongzeContradictoryReviews() throws {
        let report = try Self.checked(Fixture.hongze)
        guard case .unknown = Self.rate("reconsiderationCorrection", report) else { Issue.record("should be unknown"); return }
    }

    /// 上海市科委 2024: 9 granted of 35 decided; 结转 blank, so 结转率 is unknown; 复议 1,0,0,0,1.
    @Test func shanghaiBlankCarriedForward() throws {
        let report = try Self.checked(Fixture.shanghai)
        Self.expect(Self.rate("disclosure", report), 9.0 / 35)
        Self.expect(Self.rate("unable", report), 10.0 / 35)
        Self.expect(Self.rate("reconsiderationCorrection", report), 0.0 / 1)
        #expect(Self.rate("carryForward", report) == .unknown(["表三 四、结转下年度继续办理 · 总计"]))
    }

    /// A year's sum: one report without 表三 makes it "at least" and its rate unknown.
    @Test func yearTotalWithAnUnknownReport() throws {
        let pingtan = try Self.checked(Fixture.pingtan2023)
        // a report whose text held no 表三 (a fragment): every cell unknown
        let fragment = Report(id: "fragment-2023", source: "fragment.txt", year: 2023)
        let total = RateResult(RateDefinition.named("disclosure")!, totalOf: [(pingtan, nil), (fragment, nil)])
        guard case .unknown = total.value else { Issue.record("should be unknown"); return }
        #expect(RateView.total(total.numerator, total.numeratorTotal) == "至少42")
        #expect(RateView.total(total.denominator, total.denominatorTotal) == "至少81")
        let known = RateResult(RateDefinition.named("disclosure")!, totalOf: [(pingtan, nil), (try Self.checked(Fixture.pingtan2021), nil)])
        Self.expect(known.value, (42.0 + 35) / (81 + 69))
        #expect(known.reportCount == 2)
    }

    /// The export: `rates.<id>` with the numerator, denominator, status and the rounded value.
    @Test func exportedPerReport() throws {
        let json = String(decoding: ReportJSON.bytes(try Self.checked(Fixture.pingtan2023)), as: UTF8.self)
        #expect(json.contains(#""disclosure":{"denominator":81,"numerator":42,"status":"known","value":0.5185}"#))
        let earlier = String(decoding: ReportJSON.bytes(try Self.checked(Fixture.pingtan2020)), as: UTF8.self)
        #expect(earlier.contains(#""reconsiderationCorrection":{"denominator":0,"numerator":0,"status":"notApplicable","value":null}"#))
        #expect(earlier.contains(#""disclosure":{"denominator":null,"numerator":null,"status":"unknown","value":null}"#))
    }

    /// rates.html: each rate per year with its chart; the change counts the bodies of both years.
    @Test func ratesPageAcrossYears() throws {
        let r2020 = try Self.checked(Fixture.pingtan2020)
        let r2021 = try Self.checked(Fixture.pingtan2021, previous: r2020)
        let r2023 = try Self.checked(Fixture.pingtan2023)
        let fragment = Report(id: "fragment-2023", source: "fragment.txt", year: 2023)
        let page = RatesPage(model: SiteModel(reports: [r2020, r2021, r2023, fragment], config: SiteConfig()))
        let context = page.context()
        let change = try #require(context.rates.first { $0.id == "applicationsChange" })
        #expect(change.rows.map(\.year) == ["2020年", "2021年", "2023年"])
        // 2020 and 2023 have no body with a report the year before: nothing to compare
        #expect(change.rows.map(\.value) == ["—", "+233.3%", "—"])
        #expect(change.rows.map(\.reports) == [0, 1, 0])
        let disclosure = try #require(context.rates.first { $0.id == "disclosure" })
        // 2020: （七）总计 contested; 2023: the fragment has no 表三, so the sum is "at least"
        #expect(disclosure.rows.map(\.value) == ["无法计算", "50.7%", "无法计算"])
        // (2020's 予以公开 and 部分公开 are named by the broken sum: not taken at their word)
        #expect(disclosure.rows.map(\.numerator) == ["至少0", "35", "至少42"])
        // over the reports whose inputs are all known: 平潭 2021 and 2023 alone, none in 2020
        #expect(disclosure.rows.map(\.knownReports) == [0, 1, 1])
        #expect(disclosure.rows.map(\.knownValue) == ["—", "50.7%", "51.9%"])
        #expect(disclosure.chart.contains("<svg") && disclosure.chart.contains(">50.7<") && disclosure.chart.contains(">51.9<"))
        let reconsideration = try #require(context.rates.first { $0.id == "reconsiderationCorrection" })
        #expect(reconsideration.rows.first?.value == "—")
        let csv = String(decoding: page.csv(), as: UTF8.self)
        #expect(csv.contains("2021年,公开率,"))
    }
}
