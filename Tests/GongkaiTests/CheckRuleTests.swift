import GongkaiCheck
import GongkaiModel
import Testing

@Suite("Check: rules one by one")
struct CheckRuleTests {
    @Test("every rule id has one row in the rule table, and each part's shares add up to 1")
    func ruleTableIsComplete() {
        #expect(Set(RuleTable.all.map(\.id)) == Set(RuleID.allCases))
        #expect(RuleTable.all.count == RuleID.allCases.count)
        #expect(RuleTable.all.allSatisfy { !$0.title.isEmpty && !$0.summary.isEmpty })
        for part in ScorePart.allCases {
            let shares = RuleTable.rules(in: part).map(\.share).reduce(0, +)
            #expect(abs(shares - 1) < 1e-9, "\(part.rawValue): \(shares)")
        }
        #expect(Set(ScorePart.allCases.map(\.rawValue)) == Set(SiteConfig.defaultWeights.keys))
    }

    @Test("an unknown cell makes a rule 'cannot check' (warning), neither passed nor failed")
    func unknownCellCannotBeChecked() throws {
        var report = HandBuilt.hongze
        report.tables.applications?[.carriedForward, .commercialEnterprise] = .unknown
        let checked = HandBuilt.checked(report)
        // one finding for the cell, naming the two checks it blocks (not one per check)
        let unknown = checked.findings("cells.unknown")
        #expect(unknown.count == 1)
        let finding = try #require(unknown.first)
        #expect(finding.severity == .warning)
        #expect(finding.message == "表三 · 四、结转下年度继续办理 · 商业企业 unknown: blocks 2 checks "
            + "(表三 · 商业企业 · 一+二 = 三(七)+四; 表三 · 四、结转下年度继续办理 · 自然人+…+其他 = 总计)")
        #expect(finding.cells == ["applications.carriedForward.commercialEnterprise"])
        #expect(checked.findings("applications.balance").isEmpty)
        #expect(checked.findings("applications.rowTotal").isEmpty)
        #expect(checked.findings.filter { $0.rule.hasPrefix("applications.") && $0.severity == .error }.isEmpty)
    }

    @Test("text in a cell (such as 无) is not taken for 0")
    func textCellIsNotZero() {
        var report = HandBuilt.jinjing
        report.tables.reviews?[.lawsuitDirect, .total] = .text("无")
        let checked = HandBuilt.checked(report)
        #expect(checked.findings("reviews.groupTotal").isEmpty)
        #expect(checked.findings("cells.unknown").map(\.severity) == [.warning])
        #expect(checked.findings("cells.unknown").first?.message.contains("未经复议直接起诉") == true)
    }

    @Test("a broken （七）总计 names the outcome rows that contribute")
    func outcomeTotalMessage() {
        var report = HandBuilt.hongze
        report.tables.applications?[.outcomeTotal, .naturalPerson] = .number(20)
        let checked = HandBuilt.checked(report)
        let messages = checked.findings("applications.outcomeTotal", .error).map(\.message)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("表三 · 自然人 · （七）总计 ≠ （一）+…+（六）: 20 ≠ 21 (") == true)
        #expect(messages.first?.contains("（四）1.本机关不掌握相关政府信息 10") == true)
        // The same change also unbalances the column and the row.
        #expect(checked.findings("applications.balance", .error).first?.message == "表三 · 自然人 · 一+二 ≠ 三(七)+四: 21 + 0 ≠ 20 + 0")
        #expect(checked.findings("applications.rowTotal", .error).first?.line == 131)
    }

    @Test("counts must be whole and non-negative; 表二's fee may be decimal")
    func wholeNumbers() {
        var report = HandBuilt.jinjing
        report.tables.applications?[.granted, .naturalPerson] = .number(1.5)
        report.tables.reviews?[.reconsideration, .upheld] = .number(-1)
        report.tables.proactive?[.fees, .amount] = .number(190.457379)
        let findings = HandBuilt.checked(report).findings("cells.wholeNumber", .error)
        #expect(findings.map(\.message) == [
            "表三 · （一）予以公开 · 自然人: 1.5 is not a whole number",
            "表四 · 行政复议 · 结果维持: -1 is negative",
        ])
        #expect(findings.map(\.cells) == [["applications.granted.naturalPerson"], ["reviews.reconsideration.upheld"]])
    }

    @Test("2019 format: 本年增/减 may be negative (平潭 2020 prints 行政处罚 2648 -18538)")
    func negativeChangeIn2019Format() {
        var report = HandBuilt.jinjing
        var proactive = ProactiveTable(format: .f2019, line: 65)
        for item in ProactiveItem.items(for: .f2019) {
            for column in item.columns(for: .f2019) { proactive[item, column] = .number(0) }
        }
        proactive[.penalties, .previousYear] = .number(2648)
        proactive[.penalties, .change] = .number(-18538)
        report.tables.proactive = proactive
        #expect(HandBuilt.checked(report).findings("cells.wholeNumber").isEmpty)
    }

    @Test("an uncertain narrative figure that disagrees is a note at no cost, not an error")
    func uncertainNarrativeIsNote() {
        var report = HandBuilt.yonghe
        report.figures.applicationsReceived?.uncertain = true
        let checked = HandBuilt.checked(report)
        #expect(checked.findings("narrative.applicationsReceived").map(\.severity) == [.note])
        #expect(checked.score?.parts.flatMap(\.deductions).contains { $0.rule == "narrative.applicationsReceived" } == false)
    }

    @Test("a narrative total equal to 新收 + 上年结转 is consistent (received 75 = 74 + 1)")
    func narrativeCountsCarriedOver() {
        var report = HandBuilt.hongze
        report.tables.applications?[.newReceived, .total] = .number(74)
        report.tables.applications?[.carriedOver, .total] = .number(1)
        report.figures.applicationsReceived = NarrativeFigure(value: 75, line: 1, excerpt: "共收到申请75件")
        #expect(HandBuilt.checked(report).findings("narrative.applicationsReceived").isEmpty)
        report.figures.applicationsReceived = NarrativeFigure(value: 76, line: 1, excerpt: "共收到申请76件")
        #expect(HandBuilt.checked(report).findings("narrative.applicationsReceived", .error).count == 1)
    }

    @Test("across years: 二、上年结转 must equal last year's 四、结转下年度继续办理")
    func carryOverMismatch() throws {
        var lastYear = HandBuilt.hongze
        lastYear.year = 2022
        lastYear.tables.applications?[.carriedForward, .naturalPerson] = .number(3)
        lastYear.tables.applications?[.carriedForward, .total] = .number(3)
        let checked = HandBuilt.checked(HandBuilt.hongze, previous: lastYear)
        let errors = checked.findings("crossYear.carriedOver", .error)
        #expect(errors.count == 2)
        let first = try #require(errors.first)
        #expect(first.message == "表三 · 自然人 · 二、上年结转政府信息公开申请数量 ≠ 2022 四、结转下年度继续办理: 0 ≠ 3")
        #expect(first.line == 97)
        #expect(first.cells == ["applications.carriedOver.naturalPerson", "previous.applications.carriedForward.naturalPerson"])
        // Without the previous year, nothing is said about it.
        #expect(HandBuilt.checked(HandBuilt.hongze).findings("crossYear.carriedOver").isEmpty)
    }

    @Test("across years: 现行有效件数 = last year's + 本年制发 − 本年废止 (warning)")
    func inForceAcrossYears() {
        var lastYear = HandBuilt.hongze
        lastYear.year = 2022
        // hongze 2023 prints 行政规范性文件 0 issued, 5 repealed, 5 in force: last year needs 10 in force.
        lastYear.tables.proactive?[.normativeDocuments, .inForce] = .number(10)
        lastYear.tables.proactive?[.regulations, .inForce] = .number(0)
        #expect(HandBuilt.checked(HandBuilt.hongze, previous: lastYear).findings("crossYear.inForce").isEmpty)
        lastYear.tables.proactive?[.normativeDocuments, .inForce] = .number(12)
        let findings = HandBuilt.checked(HandBuilt.hongze, previous: lastYear).findings("crossYear.inForce")
        #expect(findings.map(\.severity) == [.warning])
        #expect(findings.first?.message.contains("表二 · 行政规范性文件") == true)
        #expect(findings.first?.message.hasSuffix(": 5 + 5 ≠ 12 + 0") == true)
    }

    @Test("section 五 must say something specific", arguments: ["", "无", "暂无。", "  无  ", "本年度暂无存在的主要问题。"])
    func bareImprovements(text: String) {
        var report = HandBuilt.jinjing
        report.sections[4].text = text
        let findings = HandBuilt.checked(report).findings("improvements.specific", .error)
        #expect(findings.count == 1)
        #expect(findings.first?.line == 118)
        #expect(findings.first?.message.contains("五、存在的主要问题及改进情况") == true)
    }

    @Test("section 五 copied word for word from last year is a warning")
    func copiedImprovements() {
        var lastYear = HandBuilt.jinjing
        lastYear.year = 2021
        // Spacing and punctuation do not make a text different.
        lastYear.sections[4].text = HandBuilt.jinjing.sections[4].text.replacingOccurrences(of: "。", with: ". ")
        let findings = HandBuilt.checked(HandBuilt.jinjing, previous: lastYear).findings("improvements.specific")
        #expect(findings.map(\.severity) == [.warning])
        #expect(findings.first?.message.contains("2021") == true)
    }

    @Test("timeliness: a town (a local government) has until 3月31日, a department until 1月31日; the finding says which and why")
    func timeliness() {
        var town = HandBuilt.jinjing
        town.kind = .town
        town.issued.date = "2023-02-01"
        #expect(HandBuilt.checked(town).findings("timeliness.deadline").isEmpty)
        town.issued.date = "2023-04-01"
        #expect(HandBuilt.checked(town).findings("timeliness.deadline", .error).first?.message
            == "issued 2023-04-01, after the deadline 2023-03-31 (3月31日 for a local government (乡镇), 条例第四十九条)")
        var department = HandBuilt.jinjing
        department.body = "晋江市审计局"
        department.kind = .department
        department.issued.date = "2023-02-01"
        let late = HandBuilt.checked(department).findings("timeliness.deadline", .error).first
        #expect(late?.message == "issued 2023-02-01, after the deadline 2023-01-31 (1月31日 for a department, 条例第四十九条)")
        #expect(late?.messageZh == "发布日期 2023-02-01 晚于期限 2023-01-31（政府部门应于1月31日前公布，《条例》第四十九条）")
        // each group's deadline is configurable; the old `deadline` key overrides both
        let relaxed = SiteConfig(deadlines: [.department: SiteConfig.MonthDay(2, 28), .government: SiteConfig.MonthDay(3, 31)])
        #expect(HandBuilt.checked(department, config: relaxed).findings("timeliness.deadline").isEmpty)
        let one = SiteConfig(deadline: SiteConfig.MonthDay(1, 15))
        #expect(HandBuilt.checked(HandBuilt.jinjing, config: one).findings("timeliness.deadline").isEmpty)
        #expect(HandBuilt.checked(town, config: one).findings("timeliness.deadline", .error).first?.message.contains("gongkai.yaml deadline") == true)
    }

    @Test("timeliness: a body of unknown kind is not called late (its deadline is not known)")
    func timelinessUnknownKind() {
        var unknown = HandBuilt.jinjing
        unknown.body = nil
        unknown.town = nil
        unknown.kind = nil
        unknown.issued.date = "2023-12-01"
        let outcome = HandBuilt.checked(unknown)
        #expect(outcome.findings("timeliness.deadline", .error).isEmpty)
        let timeliness = outcome.score?.parts.first { $0.id == "timeliness" }
        #expect(timeliness?.max == 0)
        #expect(timeliness?.deductions.first?.reason == "not scored: the body's kind (department or local government) is unknown, so is its deadline")
    }

    @Test("missing preamble items: period, website, address, phone are errors; postcode, email warnings")
    func preamble() {
        var report = HandBuilt.jinjing
        report.period = nil
        report.website = nil
        report.contact = Contact()
        let checked = HandBuilt.checked(report)
        let rules = checked.findings.filter { $0.rule.hasPrefix("preamble.") }
        #expect(rules.filter { $0.severity == .error }.map(\.rule) == ["preamble.period", "preamble.website", "preamble.address", "preamble.phone"])
        #expect(rules.filter { $0.severity == .warning }.map(\.rule) == ["preamble.postcode", "preamble.email"])
    }

    @Test("checkAll finds the same body's previous year, through the roster's aliases")
    func checkAllPairsYears() {
        var lastYear = HandBuilt.hongze
        lastYear.id = "huaian-hongze-2022"
        lastYear.year = 2022
        lastYear.body = "淮安市洪泽区人民政府"
        lastYear.tables.applications?[.carriedForward, .total] = .number(2)
        let roster = [SiteConfig.RosterEntry(name: "淮安市洪泽区人民政府", aliases: ["洪泽区人民政府"])]
        let checked = ReportChecker.checkAll([HandBuilt.hongze, lastYear], config: SiteConfig(roster: roster))
        #expect(checked.first?.findings("crossYear.carriedOver", .error).count == 1)
        #expect(checked.last?.findings("crossYear.carriedOver").isEmpty == true)
        // Without the alias too: the same district named with and without its city.
        let paired = ReportChecker.checkAll([HandBuilt.hongze, lastYear], config: SiteConfig())
        #expect(paired.first?.findings("crossYear.carriedOver", .error).count == 1)
        // Two towns of one name whose places are unknown or differ are two bodies.
        var taiping2022 = lastYear, taiping2023 = HandBuilt.hongze
        (taiping2022.body, taiping2022.city, taiping2022.town, taiping2022.source) = ("太平镇人民政府", nil, "太平镇", "2022/taiping.txt")
        (taiping2023.body, taiping2023.city, taiping2023.county, taiping2023.town) = ("太平镇人民政府", nil, "姚安县", "太平镇")
        let unpaired = ReportChecker.checkAll([taiping2023, taiping2022], config: SiteConfig())
        #expect(unpaired.first?.findings("crossYear.carriedOver").isEmpty == true)
    }
}

@Suite("Check: section 五 as the parser gives it, heading first")
struct CheckImprovementsHeadingTests {
    @Test("a heading line (even OCR-spaced) followed by 无 is not specific",
          arguments: ["五、存在的主要问题及改进情况\n无", "#### 五、存在的主要问题及改进情况\n\n暂无", "     五 、存 在的主要问题及改进情况\n无。"])
    func headingThenNothing(text: String) {
        var report = HandBuilt.jinjing
        report.sections[4].text = text
        #expect(HandBuilt.checked(report).findings("improvements.specific", .error).count == 1)
    }

    @Test("the heading line plus seed 000's real text is specific")
    func headingThenText() {
        var report = HandBuilt.jinjing
        report.sections[4].text = "#### 五、存在的主要问题及改进情况\n\n" + HandBuilt.jinjing.sections[4].text
        #expect(HandBuilt.checked(report).findings("improvements.specific").isEmpty)
    }
}

@Suite("Check: section 五 run together with its heading on one line")
struct CheckImprovementsOneLineTests {
    @Test("平潭 2023's 五 (heading and text on one line) is specific; heading + 无 on one line is not")
    func oneLine() {
        var report = HandBuilt.jinjing
        report.sections[4].text = "五、存在的主要问题及改进情况存在的问题主要有以下几个方面：一是部分单位信息发布属性界定还不够精确，部分栏目存在信息噪音"
        #expect(HandBuilt.checked(report).findings("improvements.specific").isEmpty)
        report.sections[4].text = "五、存在的主要问题及改进情况无"
        #expect(HandBuilt.checked(report).findings("improvements.specific", .error).count == 1)
    }
}
