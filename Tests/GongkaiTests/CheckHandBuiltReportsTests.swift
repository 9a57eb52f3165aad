import GongkaiCheck
import GongkaiModel
import Testing

/// The three real reports in content/, built BY HAND from their text (values and line numbers read
/// from the files, not produced by the parser), so the checks can be tested before the parser lands.
enum HandBuilt {
    /// A row of 表三 as printed: seven values, or nil for every cell of a row whose cells cannot be
    /// placed (seed 001 prints 6 numbers for 7 columns on lines 100–109).
    typealias Row = (row: ApplicationRow, line: Int, values: [Double]?)

    static func applications(_ rows: [Row], layout: ApplicationTable.OtherHandlingLayout, line: Int) -> ApplicationTable {
        var table = ApplicationTable(otherHandling: layout, line: line)
        for row in rows {
            var tableRow = TableRow<ApplicantColumn>(line: row.line)
            if let values = row.values {
                for (column, value) in zip(ApplicantColumn.allCases, values) { tableRow[column] = .number(value) }
            }
            table.rows[row.row] = tableRow
        }
        return table
    }

    /// 表四's one row of 15 numbers: 复议 ×5 | 直接起诉 ×5 | 复议后起诉 ×5.
    static func reviews(_ values: [Double], line: Int) -> ReviewTable {
        var table = ReviewTable(line: line)
        for (g, group) in ReviewGroup.allCases.enumerated() {
            var row = TableRow<ReviewColumn>(line: line)
            for (c, column) in ReviewColumn.allCases.enumerated() where g * 5 + c < values.count {
                row[column] = .number(values[g * 5 + c])
            }
            table.groups[group] = row
        }
        return table
    }

    static func proactive(_ values: [(ProactiveItem, Int, [Double])], line: Int) -> ProactiveTable {
        var table = ProactiveTable(format: .f2021, line: line)
        for (item, itemLine, numbers) in values {
            var row = TableRow<ProactiveColumn>(line: itemLine)
            for (column, value) in zip(item.columns(for: .f2021), numbers) { row[column] = .number(value) }
            table.rows[item] = row
        }
        return table
    }

    static func sections(_ lines: [(Int, Int, Int)], texts: [Int: String] = [:]) -> [Section] {
        lines.map { number, line, end in
            Section(number: number, title: SectionTitle.official[number - 1], line: line, endLine: end, text: texts[number] ?? "")
        }
    }

    static let zeros = [Double](repeating: 0, count: 7)

    // MARK: seed 000 — 晋江市金井镇人民政府 2022 (content/2022/jinjiang-jinjing.txt): every cell 0.

    static var jinjing: Report {
        let order = ApplicationRow.order(for: .threeRows)
        let rows: [Row] = order.enumerated().map { index, row in (row, 85 + index, zeros) }
        let improvements = """
            一是部分镇、村干部对政务信息公开的理解还存在偏差，对实行政务公开的重要意义认识不足。二是政务信息公开工作的开展缺乏连续性，公开力度不够大。
            拟采取措施：一是进一步加强政务公开工作的组织领导，增强政务公开意识，进一步健全和完善政务公开制度，规范公开内容，提高公开质量。
            """
        return Report(
            id: "jinjiang-jinjing-2022", source: "2022/jinjiang-jinjing.txt", format: .f2021, body: "晋江市金井镇人民政府",
            city: "晋江市", town: "金井镇", year: 2022, period: Period(start: "2022-01-01", end: "2022-12-31"),
            contact: Contact(address: "晋江市金井镇人民政府", postcode: "362251", phone: "85381065", fax: "85385525", email: "jjdzbyx@163.com"),
            website: "www.jinjiang.gov.cn", issued: Issued(by: "金井镇党政综合办公室", date: "2023-01-11"),
            sections: sections([(1, 13, 62), (2, 63, 79), (3, 80, 110), (4, 111, 117), (5, 118, 123), (6, 124, 131)],
                               texts: [5: improvements, 6: "我镇暂无其他需要报告的事项。"]),
            figures: Figures(applicationsReceived: NarrativeFigure(value: 0, line: 24, excerpt: "2022年我镇未接到相关申请")),
            tables: Tables(
                proactive: proactive([(.regulations, 67, [0, 0, 0]), (.normativeDocuments, 68, [0, 0, 0]), (.licensing, 71, [0]),
                                      (.penalties, 74, [0]), (.coercion, 75, [0]), (.fees, 78, [0])], line: 65),
                applications: applications(rows, layout: .threeRows, line: 82),
                reviews: reviews([Double](repeating: 0, count: 15), line: 116)),
            lines: ["issued.date": 136])
    }

    // MARK: seed 001 — 晋江市永和镇人民政府 2022 (content/2022/jinjiang-yonghe.txt): OCR damage.

    static var yonghe: Report {
        var rows: [Row] = [
            (.newReceived, 96, [1, 0, 0, 0, 0, 0, 0]),  // 自然人 1 but 总计 0, as printed
            (.carriedOver, 97, zeros), (.granted, 98, zeros), (.partiallyGranted, 99, zeros),
        ]
        // Lines 100–109: six numbers for seven columns; which column is missing cannot be known.
        let shortRows: [ApplicationRow] = [
            .refusedStateSecret, .refusedProhibitedByLaw, .refusedSecurityStability, .refusedThirdPartyRights,
            .refusedInternalAffairs, .refusedProcessInformation, .refusedEnforcementFile, .refusedAdministrativeQuery,
            .unableNotHeld, .unableNeedsCreation,
        ]
        rows += shortRows.enumerated().map { index, row in (row, 100 + index, nil) }
        let fullRows: [ApplicationRow] = [
            .unableStillUnclear, .notHandledComplaint, .notHandledDuplicate, .notHandledPublication, .notHandledExcessive,
            .notHandledConfirmation, .otherOverdueCorrection, .otherOverdueFee, .otherMisc, .outcomeTotal, .carriedForward,
        ]
        rows += fullRows.enumerated().map { index, row in (row, 111 + index, zeros) }
        let improvements = """
            1.存在问题：一是公开信息的时效性不够强；二是主动公开政府信息的数量还需要增加，公开的内容需要进一步细化。
            2.整改措施：一是加强机关内部各科室之间联系，及时将各科室生成的信息发布到网上。
            """
        return Report(
            id: "jinjiang-yonghe-2022", source: "2022/jinjiang-yonghe.txt", format: .f2021, body: "永和镇人民政府",
            city: "晋江市", town: "永和镇", year: 2022, period: Period(start: "2022-01-01", end: "2022-12-31"),
            contact: Contact(address: "晋江市永和镇锦石街27号", postcode: "362235", phone: "0595-88082141"),
            website: "http://www.jinjiang.gov.cn/",
            sections: sections([(1, 15, 73), (2, 74, 90), (3, 91, 124), (5, 125, 130), (6, 131, 133)],
                               texts: [5: improvements, 6: "无"]),
            figures: Figures(applicationsReceived: NarrativeFigure(value: 1, line: 25, excerpt: "2022 年度受理申请的数量 1 条")),
            tables: Tables(
                proactive: proactive([(.regulations, 78, [0, 0, 0]), (.normativeDocuments, 79, [0, 0, 0]), (.licensing, 82, [0]),
                                      (.penalties, 85, [0]), (.coercion, 86, [0]), (.fees, 89, [0])], line: 76),
                applications: applications(rows, layout: .threeRows, line: 93)))
    }

    // MARK: hongze-2023 — 淮安市洪泽区人民政府 2023 (content/2023/huaian-hongze.txt): （六） as one row.

    static var hongze: Report {
        func only(_ n: Double) -> [Double] { [n, 0, 0, 0, 0, 0, n] }
        let rows: [Row] = [
            (.newReceived, 96, only(21)), (.carriedOver, 97, zeros), (.granted, 98, zeros), (.partiallyGranted, 101, only(4)),
            (.refusedStateSecret, 102, only(1)), (.refusedProhibitedByLaw, 108, zeros), (.refusedSecurityStability, 109, zeros),
            (.refusedThirdPartyRights, 110, zeros), (.refusedInternalAffairs, 112, zeros), (.refusedProcessInformation, 113, only(1)),
            (.refusedEnforcementFile, 114, only(1)), (.refusedAdministrativeQuery, 115, zeros), (.unableNotHeld, 116, only(10)),
            (.unableNeedsCreation, 118, only(3)), (.unableStillUnclear, 121, zeros), (.notHandledComplaint, 122, only(1)),
            (.notHandledDuplicate, 123, zeros), (.notHandledPublication, 124, zeros), (.notHandledExcessive, 126, zeros),
            (.notHandledConfirmation, 129, zeros), (.otherHandling, 130, zeros), (.outcomeTotal, 131, only(21)),
            (.carriedForward, 132, zeros),
        ]
        let improvements = """
            2023 年，洪泽区政府信息公开工作取得一定的成效，但对照上级要求，仍存在一定差距。如依申请公开工作规范性还有待提高、
            政务公开内容的深度和广度还有待提升、政务公开队伍建设有待加强等。
            """
        return Report(
            id: "huaian-hongze-2023", source: "2023/huaian-hongze.txt", format: .f2021, body: "洪泽区人民政府",
            city: "淮安市", town: "洪泽区", year: 2023, period: Period(start: "2023-01-01", end: "2023-12-31"),
            contact: Contact(address: "淮安市洪泽区洪泽湖大道90号", postcode: "223100", phone: "0517-87222589", email: "hzzwgk@126.com"),
            sections: sections([(1, 11, 40), (2, 41, 83), (3, 84, 135), (4, 136, 150), (5, 151, 165), (6, 166, 174)],
                               texts: [5: improvements, 6: "2023 年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 0 元。"]),
            figures: Figures(applicationsReceived: NarrativeFigure(value: 21, line: 21, excerpt: "2023 年全区受理政府信息公开申请 21 件")),
            tables: Tables(
                proactive: proactive([(.regulations, 48, [0, 0, 0]), (.normativeDocuments, 50, [0, 5, 5]), (.licensing, 59, [550]),
                                      (.penalties, 69, [4119]), (.coercion, 71, [195]), (.fees, 79, [7730.28])], line: 42),
                applications: applications(rows, layout: .singleRow, line: 85),
                reviews: reviews([10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0], line: 149)))
    }

    static func checked(_ report: Report, previous: Report? = nil, config: SiteConfig = SiteConfig()) -> Report {
        ReportChecker.check(report, previous: previous, config: config)
    }
}

extension Report {
    func findings(_ rule: String, _ severity: Finding.Severity? = nil) -> [Finding] {
        findings.filter { $0.rule == rule && (severity == nil || $0.severity == severity) }
    }

    var errors: [Finding] { findings.filter { $0.severity == .error } }
}

@Suite("Check: the real reports, built by hand")
struct CheckHandBuiltReportsTests {
    @Test("seed 000 (金井镇 2022) has no errors and no warnings")
    func jinjingIsClean() {
        let report = HandBuilt.checked(HandBuilt.jinjing)
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
        #expect(report.score?.total == 100)
    }

    @Test("seed 001: 自然人 column of 表三 does not balance: 1 + 0 ≠ 0 + 0 at line 96")
    func yongheNaturalPersonBalance() throws {
        let report = HandBuilt.checked(HandBuilt.yonghe)
        let balance = report.findings("applications.balance", .error)
        #expect(balance.count == 1)
        let finding = try #require(balance.first)
        #expect(finding.message == "表三 · 自然人 · 一+二 ≠ 三(七)+四: 1 + 0 ≠ 0 + 0")
        #expect(finding.line == 96)
        #expect(finding.cells.contains("applications.newReceived.naturalPerson"))
        #expect(finding.cells.contains("applications.carriedForward.naturalPerson"))
    }

    @Test("seed 001: the 新收 row's 总计 is 0 although 自然人 is 1")
    func yongheNewReceivedRowTotal() throws {
        let report = HandBuilt.checked(HandBuilt.yonghe)
        let errors = report.findings("applications.rowTotal", .error)
        #expect(errors.count == 1)
        let finding = try #require(errors.first)
        #expect(finding.line == 96)
        #expect(finding.message.contains(ApplicationRow.newReceived.label))
        #expect(finding.message.hasSuffix(": 1 + 0 + 0 + 0 + 0 + 0 ≠ 0"))
        #expect(finding.cells.contains("applications.newReceived.total"))
    }

    @Test("seed 001: section 四 and 表四 are missing")
    func yongheMissingSectionFour() {
        let report = HandBuilt.checked(HandBuilt.yonghe)
        let sections = report.findings("sections.present", .error)
        #expect(sections.map(\.message) == ["missing section 四、政府信息公开行政复议、行政诉讼情况"])
        #expect(sections.first?.line == 125)  // where 五 starts, right after the [illegible] gap
        let tables = report.findings("tables.present", .error)
        #expect(tables.count == 1)
        #expect(tables.first?.message.contains("表四") == true)
    }

    @Test("seed 001: the short rows (lines 100–109) cannot be checked, never passed or failed")
    func yongheShortRowsCannotBeChecked() {
        let report = HandBuilt.checked(HandBuilt.yonghe)
        // The 70 unknown cells of rows 100–109 block the ten rows' totals and every column's
        // （七）总计: one finding for them all, not seventeen "cannot check".
        #expect(report.findings("applications.rowTotal", .warning).isEmpty)
        #expect(report.findings("applications.outcomeTotal", .warning).isEmpty)
        let unknown = report.findings("cells.unknown", .warning)
        #expect(unknown.count == 1)
        #expect(unknown.first?.cells.count == 70)
        #expect(unknown.first?.line == 100)
        #expect(unknown.first?.message.hasPrefix("表三: 70 cells unknown: blocks 17 checks") == true)
        #expect(report.findings("applications.outcomeTotal", .error).isEmpty)
        #expect(report.findings("tables.complete", .warning).first?.message == "表三 incomplete: 70 of 175 cells unknown")
    }

    @Test("seed 001: the narrative's 1 application against 表三's 新收 总计 0")
    func yongheNarrativeAgainstTable() throws {
        let report = HandBuilt.checked(HandBuilt.yonghe)
        let finding = try #require(report.findings("narrative.applicationsReceived", .error).first)
        #expect(finding.line == 25)
        #expect(finding.message.hasSuffix(": 1 ≠ 0"))
        #expect(finding.cells == ["applications.newReceived.total"])
    }

    @Test("hongze-2023 passes every 表三 rule")
    func hongzeApplicationsBalance() {
        let report = HandBuilt.checked(HandBuilt.hongze)
        #expect(report.findings.filter { $0.rule.hasPrefix("applications.") }.isEmpty)
        #expect(report.findings("narrative.applicationsReceived").isEmpty)
    }

    @Test("hongze-2023 fails 表四 for 行政复议 (10 + 1 + 0 + 0 ≠ 0) and 复议后起诉 (5 ≠ 0)")
    func hongzeReviewTotals() {
        let report = HandBuilt.checked(HandBuilt.hongze)
        let errors = report.findings("reviews.groupTotal", .error)
        #expect(errors.map(\.message) == [
            "表四 · 行政复议 · 结果维持+结果纠正+其他结果+尚未审结 ≠ 总计: 10 + 1 + 0 + 0 ≠ 0",
            "表四 · 行政诉讼 · 复议后起诉 · 结果维持+结果纠正+其他结果+尚未审结 ≠ 总计: 5 + 0 + 0 + 0 ≠ 0",
        ])
        #expect(errors.allSatisfy { $0.line == 149 })
        #expect(errors.first?.cells.contains("reviews.reconsideration.total") == true)
    }

    @Test("hongze-2023: no website in the preamble; the fee 7730.28 万元 may be decimal")
    func hongzePreambleAndFee() {
        let report = HandBuilt.checked(HandBuilt.hongze)
        #expect(report.findings("preamble.website", .error).count == 1)
        #expect(report.findings("cells.wholeNumber").isEmpty)
    }

    @Test("seed 000 scores higher than every other report here")
    func jinjingScoresHighest() throws {
        let jinjing = try #require(HandBuilt.checked(HandBuilt.jinjing).score?.total)
        let others = [HandBuilt.yonghe, HandBuilt.hongze].compactMap { HandBuilt.checked($0).score?.total }
        #expect(others.count == 2)
        #expect(others.allSatisfy { jinjing > $0 })
    }
}
