import GongkaiCheck
import GongkaiModel
import Testing

@Suite("Sections: the six mandated parts, found by title")
struct SectionTests {
    func lines(_ report: Report) -> [Int: Int] {
        Dictionary(report.sections.map { ($0.number, $0.line) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func jinjingHasAllSixAtTheirHeadings() throws {
        let report = try ParsedFixture.report(Fixture.seedJinjing)
        #expect(lines(report) == [1: 13, 2: 63, 3: 80, 4: 111, 5: 118, 6: 124])
        #expect(report.section(4)?.title == "四、政府信息公开行政复议、行政诉讼情况")
        #expect(report.section(1)?.endLine == 61)
        #expect(report.section(2)?.text.hasPrefix("## 二、主动公开政府信息情况") == true)
        #expect(report.diagnostics.filter { $0.code.hasPrefix("section.") }.isEmpty)
    }

    @Test func yongheHasNoSectionFourAndThePastedListIsNotASection() throws {
        let report = try ParsedFixture.report(Fixture.seedYonghe)
        #expect(lines(report) == [1: 15, 2: 74, 3: 91, 5: 125, 6: 131])
        // `一、金融信贷支持` (line 31) stays inside section 一
        #expect(report.section(1)?.endLine == 72)
        #expect(report.section(3)?.endLine == 123)
        let missing = report.diagnostics.filter { $0.code == "section.missing" }
        #expect(missing.count == 1)
        #expect(missing.first?.message.contains("四") == true)
        #expect(report.tables.reviews == nil)
    }

    @Test func hongzeSkipsTheSpacedTableLabel() throws {
        let report = try ParsedFixture.report(Fixture.hongze)
        // ` 三 、本 年 度办 理 结果` (line 103) is a row label of 表三, not a heading
        #expect(lines(report) == [1: 11, 2: 41, 3: 84, 4: 136, 5: 151, 6: 166])
    }

    @Test func shanghaiNonStandardOutline() throws {
        let report = try ParsedFixture.report(Fixture.shanghai)
        #expect(lines(report) == [1: 13, 2: 73, 3: 91, 4: 180, 5: 192, 6: 205])
        #expect(report.section(2)?.title == "一、主动公开政府信息情况")
        #expect(report.section(6)?.title == "五、其他需要报告的事项")
        #expect(report.section(5)?.title == "（一）主要问题")
        let inferred = report.diagnostics.filter { $0.code == "section.inferred" }
        #expect(inferred.map(\.line) == [192])
        let numbering = report.diagnostics.filter { $0.code == "section.numbering" }
        #expect(numbering.map(\.line) == [73, 91, 180, 205])
        // its own narrative headings 二、工作机制保障 … 六、政府信息公开平台建设 stay inside section 一
        #expect(report.section(1)?.endLine == 71)
    }

    @Test("One-line web pages split into segments that keep line 10", arguments: [
        Fixture.pingtan2020, Fixture.pingtan2021, Fixture.pingtan2023,
    ])
    func pingtanSegments(name: String) throws {
        let report = try ParsedFixture.report(name)
        #expect(report.sections.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(report.sections.allSatisfy { $0.line == 10 && $0.endLine == 10 })
        #expect(report.section(3)?.text.hasPrefix("三、收到和处理政府信息公开申请情况") == true)
        // the table row label 四、结转下年度继续办理 stays in section 三
        #expect(report.section(3)?.text.contains("四、结转下年度继续办理") == true)
        #expect(report.section(4)?.text.hasPrefix("四、政府信息公开行政复议、行政诉讼情况") == true)
        #expect(report.diagnostics.filter { $0.code.hasPrefix("section.") }.isEmpty)
    }

    @Test func pageChromeIsNotContent() throws {
        let report = try ParsedFixture.report(Fixture.pingtan2021)
        #expect(report.section(6)?.text.hasSuffix("附件下载") == false)
        #expect(report.section(6)?.text.hasSuffix("无收取信息处理费情况。") == true)
    }

    @Test("Fragments: the sections present, the rest reported missing", arguments: [
        (Fixture.liangcheng, "一、工作基本情况"), (Fixture.taiping, "一、总体情况"), (Fixture.taojiang, "一、总体情况"),
    ])
    func fragments(name: String, firstTitle: String) throws {
        let report = try ParsedFixture.report(name)
        #expect(report.sections.map(\.number) == [1, 2, 3])
        #expect(report.section(1)?.title == firstTitle)
        let missing = report.diagnostics.filter { $0.code == "section.missing" }
        #expect(missing.count == 3)
        #expect(report.tables.reviews == nil)
    }

    @Test func missingNumeralAndVariantWording() throws {
        let text = """
            某镇人民政府2022年政府信息公开工作年度报告
            一、工作基本情况
            正文。
            、主动公开政府信息情况
            表。
            三、收到和处理政府信息公开申请情况
            表。
            四、因政府信息公开申请行政复议、提起行政诉讼情况
            表。
            五、存在问题及改进情况
            问题。
            六、其它需要报告的事项
            无。
            """
        let report = try ParsedFixture.report(text: text)
        #expect(lines(report) == [1: 2, 2: 4, 3: 6, 4: 8, 5: 10, 6: 12])
        #expect(report.diagnostics.contains { $0.code == "section.numeralMissing" && $0.line == 4 })
    }

    @Test func fullWidthSpacesAndMarkdownHeadings() throws {
        let text = "#### 一 、 总体情况\n正文\n  ## 二．主动公开政府信息情况\n表\n三、收到和处理政府信息公开申请情况\n"
        let report = try ParsedFixture.report(text: text)
        #expect(lines(report) == [1: 1, 2: 3, 3: 5])
    }

    @Test func subheadingsAreNotSections() throws {
        let text = "一、总体情况\n（二）主动公开政府信息情况\n1.收到和处理政府信息公开申请情况\n二、主动公开政府信息情况\n"
        let report = try ParsedFixture.report(text: text)
        #expect(lines(report) == [1: 1, 2: 4])
    }

    @Test func outOfOrderSectionIsKeptWithAWarning() throws {
        let text = "一、总体情况\n正文\n二、主动公开政府信息情况\n表\n四、政府信息公开行政复议、行政诉讼情况\n表\n三、收到和处理政府信息公开申请情况\n表\n五、存在的主要问题及改进情况\n无\n六、其他需要报告的事项\n无\n"
        let report = try ParsedFixture.report(text: text)
        #expect(Set(report.sections.map(\.number)) == [1, 2, 3, 4, 5, 6])
        #expect(report.diagnostics.filter { $0.code == "section.outOfOrder" }.count == 1)
        #expect(!report.diagnostics.contains { $0.code == "section.missing" })
    }

    @Test func longerWordingOfSectionOne() throws {
        let text = "一、政府信息公开工作总体情况\n正文\n二、主动公开政府信息情况\n表\n一、总体要求\n"
        let report = try ParsedFixture.report(text: text)
        #expect(lines(report) == [1: 1, 2: 3])
        #expect(report.section(1)?.title == "一、政府信息公开工作总体情况")
    }

    /// A whole short report in the 2021 format whose headings 二 and 四 are misprinted.
    static func misprinted(two: String, four: String) -> String {
        """
        一、总体情况
        本年度工作平稳有序。
        \(two)
        本年度主动公开政府信息情况见下表。
        三、收到和处理政府信息公开申请情况
        本年度未收到政府信息公开申请。
        \(four)
        行政复议\t\t\t\t\t行政诉讼
        结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉
        \t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计
        1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0
        五、存在的主要问题及改进情况
        公开内容不够全面，下一步将加强培训，完善制度。
        六、其他需要报告的事项
        无。
        """
    }

    @Test("a heading with a typo (行政法复议) or without its numeral (、主动公开…) is still its section")
    func misprintedHeadingsAreFound() throws {
        let report = try ParsedFixture.report(text: Self.misprinted(two: "、主动公开政府信息情况", four: "四、政府信息公开行政法复议、行政诉讼情况"))
        #expect(lines(report) == [1: 1, 2: 3, 3: 5, 4: 7, 5: 12, 6: 14])
        let reviews = try #require(report.tables.reviews)
        #expect(reviews[.reconsideration, .upheld] == .number(1))
        #expect(reviews[.reconsideration, .total] == .number(1))
        #expect(reviews[.lawsuitAfterReconsideration, .total] == .number(0))
    }

    @Test("a 表四 printed with its header but blank cells is present, every cell unknown (never \"missing 表四\")")
    func blankReviewTableIsPresent() throws {
        let text = Self.misprinted(two: "二、主动公开政府信息情况", four: "四、政府信息公开行政复议、行政诉讼情况")
            .replacingOccurrences(of: "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n", with: "")
        let report = try ParsedFixture.report(text: text)
        let reviews = try #require(report.tables.reviews)
        #expect(reviews[.reconsideration, .upheld] == .unknown)
        #expect(reviews[.lawsuitAfterReconsideration, .total] == .unknown)
        #expect(report.diagnostics.contains { $0.code == "table.blank" })
        let checked = ReportChecker.check(report, previous: nil, config: SiteConfig())
        #expect(checked.findings.filter { $0.rule == "tables.present" && $0.message.contains("表四") }.isEmpty)
    }
}
