import Foundation
import GongkaiCheck
import GongkaiModel
@testable import GongkaiSite
import Testing

/// The dev corpus — every file of ../shared/reports (in Fixtures/real and Fixtures/devcorpus)
/// and the two seeds — built as one site. Who wrote each report, as a careful reader of the text
/// says (../shared/reports/README.md): the body's name as printed, or nil when the text never
/// names it; its kind; the year; the city and county where the text prints them.
@Suite("Dev corpus: who wrote each report")
struct DevCorpusIdentityTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var body: String?
        var kind: BodyKind?
        var year: Int?
        var city: String? = nil
        var county: String? = nil
        /// The issue (or page publication) date, where the text gives one.
        var issued: String? = nil
        var testDescription: String { file }
    }

    /// Read by hand from each text (title, preamble, contact sentence, page header).
    static let expected: [Expected] = [
        Expected(file: "000_3a640c0e6a422263.txt", body: "晋江市金井镇人民政府", kind: .town, year: 2022, city: "晋江市", issued: "2023-01-11"),
        // the title prints 晋江市永和镇 (its contact line 永和镇人民政府党政综合办公室)
        Expected(file: "001_ba4ee18afd36a9fc.txt", body: "晋江市永和镇", kind: .town, year: 2022, city: "晋江市"),
        // title 洪泽区人民政府; the preamble's 淮安市洪泽区人民政府办公室 gives the city
        Expected(file: "hongze-2023-pdftotext.txt", body: "洪泽区人民政府", kind: .government, year: 2023, city: "淮安市", county: "洪泽区"),
        Expected(file: "hongze-2023.pdf", body: "洪泽区人民政府", kind: .government, year: 2023, city: "淮安市", county: "洪泽区"),
        Expected(file: "pingtan-2020-page-text.txt", body: "平潭综合实验区", kind: .zone, year: 2020, issued: "2021-03-05"),
        Expected(file: "pingtan-2021-page-text.txt", body: "平潭综合实验区", kind: .zone, year: 2021, issued: "2022-02-08"),
        Expected(file: "pingtan-2023-page-text.txt", body: "平潭综合实验区", kind: .zone, year: 2023, issued: "2024-03-08"),
        // the saved pages: <meta name="ArticleTitle">, not the related links or page chrome
        Expected(file: "pingtan-2020.html", body: "平潭综合实验区", kind: .zone, year: 2020, issued: "2021-03-05"),
        Expected(file: "pingtan-2021.html", body: "平潭综合实验区", kind: .zone, year: 2021, issued: "2022-02-08"),
        Expected(file: "pingtan-2023.html", body: "平潭综合实验区", kind: .zone, year: 2023, issued: "2024-03-08"),
        // the title prints the short name 上海市科委
        Expected(file: "shanghai-stcsm-2024-from-pdf.md", body: "上海市科委", kind: .department, year: 2024, city: "上海市"),
        // 西咸新区 is printed nowhere in the text
        Expected(file: "fragment-taiping-town-2022-cells-per-line.txt", body: "太平镇人民政府", kind: .town, year: 2022),
        // 请与两城镇人民政府党政办公室联系; the address 微山县两城镇人民政府驻地
        Expected(file: "fragment-liangcheng-town-2020.txt", body: "两城镇人民政府", kind: .town, year: 2020, county: "微山县"),
        // 请联系桃江县审计局办公室
        Expected(file: "fragment-taojiang-audit-2020.txt", body: "桃江县审计局", kind: .department, year: 2020, county: "桃江县"),
        // 我镇 only; 汇报我镇2023年政府信息公开工作: the only year its opening names
        Expected(file: "fragment-xinjiang-nileke-town-2023.txt", body: nil, kind: nil, year: 2023),
        // 在区委、区政府的坚强领导下,官洲街道办事处认真贯彻落实…
        Expected(file: "fragment-guangzhou-guanzhou-street-2023.txt", body: "官洲街道办事处", kind: .streetOffice, year: 2023),
        Expected(file: "fragment-shenzhen-longgang-department-2024.txt", body: nil, kind: nil, year: 2024),
        // `【字体: 】 打印` above the title is page chrome
        Expected(file: "fragment-jiaxian-xi-town-2022-page-chrome.txt", body: "螅镇", kind: .town, year: 2022, issued: "2023-01-31"),
        Expected(file: "fragment-yiwu-niansanli-street-2023-traditional-mojibake.txt", body: "義烏市廿三里街道辦事處", kind: .streetOffice, year: 2023, city: "義烏市"),
        Expected(file: "fragment-chongqing-town-2022-unnamed.txt", body: nil, kind: nil, year: 2022),
        // `Page 9 - 2020年报_审计局` is the flip-book's page header: the document's year, never a name (the page never names the bureau)
        Expected(file: "fragment-wendeng-audit-bureau-2020-pdf-page9.txt", body: nil, kind: nil, year: 2020),
        Expected(file: "fragment-qingshui-education-bureau-2023-lost-digits.txt", body: "清水县教育局", kind: .department, year: 2023, county: "清水县", issued: "2024-01-29"),
        // the body's name is replaced by casino spam: never a name
        Expected(file: "fragment-health-commission-2021-spam-name.txt", body: nil, kind: nil, year: 2021),
        Expected(file: "fragment-wuhan-public-security-2024.txt", body: "武汉市公安局", kind: .department, year: 2024, city: "武汉市"),
        // 盂县教育局 above the title 盂县教育科技局: the title's
        Expected(file: "fragment-yuxian-education-bureau-2023-two-names.txt", body: "盂县教育科技局", kind: .department, year: 2023, county: "盂县", issued: "2024-01-10"),
        // 《太平镇人民政府2025年…年度报告》 in the preamble; the address 姚安县太平镇太平街6号
        Expected(file: "fragment-yaoan-taiping-town-2025.txt", body: "太平镇人民政府", kind: .town, year: 2025, county: "姚安县"),
    ]

    struct Corpus: Sendable {
        var reports: [Report]
        var site: GeneratedSite
        func report(_ file: String) -> Report? { reports.first { $0.source == file } }
    }

    /// The whole corpus in one content folder, built once; `extra` adds files by name and text.
    static func build(extra: [String: String] = [:]) throws -> Corpus {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-devcorpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
        for item in expected {
            let real = fixtures.appendingPathComponent("real/" + item.file)
            let source = FileManager.default.fileExists(atPath: real.path) ? real : fixtures.appendingPathComponent("devcorpus/" + item.file)
            try FileManager.default.copyItem(at: source, to: content.appendingPathComponent(item.file))
        }
        for (name, text) in extra { try Data(text.utf8).write(to: content.appendingPathComponent(name)) }
        let site = try SiteBuilder(contentDirectory: content, themeDirectory: nil, outputDirectory: root.appendingPathComponent("public")).generate()
        let json = try #require(site.files["data/reports.json"])
        return Corpus(reports: try JSONDecoder().decode([Report].self, from: Data(json)), site: site)
    }

    static let corpus = Result { try build() }

    @Test("each report: body as printed or nil, kind, year, city and county", arguments: expected)
    func identity(_ item: Expected) throws {
        let report = try #require(try Self.corpus.get().report(item.file))
        #expect(report.body == item.body)
        #expect(report.kind == item.kind)
        #expect(report.year == item.year)
        #expect(report.city == item.city)
        #expect(report.county == item.county)
        #expect(report.issued.date == item.issued)
        // the deadline of its kind: every dated report here was on time; an unknown kind is never late
        #expect(report.findings.filter { $0.rule == "timeliness.deadline" && $0.severity == .error }.isEmpty)
        // `town` holds a town or street office, never a department
        if let town = report.town { #expect(item.kind?.isTown == true, "town \(town)") }
        if item.body == nil {
            #expect(report.diagnostics.contains { $0.code == "metadata.bodyUnknown" && $0.message.contains("body:") })
        }
    }

    @Test("the whole corpus: every file read, no name is chrome, a page header, spam, a fragment or a title")
    func noJunkNames() throws {
        let corpus = try Self.corpus.get()
        #expect(Set(corpus.reports.map(\.source)) == Set(Self.expected.map(\.file)))
        let junk = ["【", "字体", "打印", "Page", "bet", "公布", "做好", "报告", "年度", "_", " ", "-"]
        for report in corpus.reports {
            guard let body = report.body else { continue }
            #expect(!junk.contains { body.contains($0) }, "\(report.source): \(body)")
            #expect(body != report.title)
        }
    }

    @Test("one body across years and files: 平潭综合实验区's five files are one body; the two 太平镇 are two")
    func bodiesAcrossYears() throws {
        let corpus = try Self.corpus.get()
        let model = SiteModel(reports: corpus.reports, config: SiteConfig())
        func bodyOf(_ file: String) -> String? { model.bodies.first { $0.reports.contains { $0.source == file } }?.slug }
        let pingtan = ["pingtan-2020-page-text.txt", "pingtan-2021.html", "pingtan-2023-page-text.txt", "pingtan-2023.html"].map(bodyOf)
        #expect(Set(pingtan).count == 1 && pingtan[0] != nil)
        #expect(bodyOf("hongze-2023.pdf") == bodyOf("hongze-2023-pdftotext.txt"))
        let taiping2022 = bodyOf("fragment-taiping-town-2022-cells-per-line.txt"), taiping2025 = bodyOf("fragment-yaoan-taiping-town-2025.txt")
        #expect(taiping2022 != nil && taiping2025 != nil && taiping2022 != taiping2025)
        // not merged, but named as a possible match on the findings page of their years
        let findings = String(decoding: try #require(corpus.site.files["findings/2025.html"]), as: UTF8.self)
        #expect(findings.contains("可能是同一机关") && findings.contains("太平镇人民政府（姚安县"))
        // and by `gongkai check`: the one near match of the corpus
        let bodies = BodyMatches.bodies(corpus.reports, roster: [])
        let notes = BodyMatches.nearMatches(bodies, roster: []).map { BodyMatches.note(bodies[$0.0], bodies[$0.1]) }.sorted()
        #expect(notes.count == 1)
        #expect(notes.first?.hasPrefix("太平镇人民政府 (fragment-taiping-town-2022-cells-per-line.txt) may be 太平镇人民政府 (fragment-yaoan-taiping-town-2025.txt)") == true)
        // the unnamed reports are bodies of their own, never merged with each other
        let unnamed = Self.expected.filter { $0.body == nil }.map { bodyOf($0.file) }
        #expect(Set(unnamed).count == unnamed.count)
    }

    @Test("kind and county are carried through the binary cache, the report page and reports.csv")
    func kindAndCountyShown() throws {
        let corpus = try Self.corpus.get()
        let hongze = try #require(corpus.report("hongze-2023-pdftotext.txt"))
        let decoded = try #require(ReportBinaryCoding.decode(ReportBinaryCoding.encode(hongze)[...]))
        #expect(decoded.kind == .government && decoded.county == "洪泽区" && decoded.city == "淮安市")
        let summary = try #require(ReportBinaryCoding.decodeSummary(ReportBinaryCoding.encode(hongze)[...]))
        #expect(summary.kind == .government && summary.county == "洪泽区")
        let page = String(decoding: try #require(corpus.site.files[SitePath.report(hongze.id)]), as: UTF8.self)
        #expect(page.contains("机关类型</dt><dd>县级以上人民政府</dd>") && page.contains("淮安市 洪泽区"))
        let csv = String(decoding: try #require(corpus.site.files["data/reports.csv"]), as: UTF8.self)
        #expect(csv.contains("id,机关,机关类型,所在市,所在县（区）,乡镇（街道）,年度"))
        #expect(csv.contains("\(hongze.id),洪泽区人民政府,县级以上人民政府,淮安市,洪泽区,,2023,"))
    }

    @Test("洪泽区人民政府 and 淮安市洪泽区人民政府 are one body: its 2022 report is 2023's previous year")
    func hongzeWithAndWithoutCity() throws {
        // The 2023 text with its title as the other years print it: the city, then the district.
        let text = Fixture.text(Fixture.hongze)
        let title = try #require(text.range(of: "洪泽区人民政府\n      2023 年"))
        var lastYear = text
        lastYear.replaceSubrange(title, with: "淮安市洪泽区人民政府\n      2022 年")
        lastYear = lastYear.replacingOccurrences(of: "自 2023 年 1 月 1 日", with: "自 2022 年 1 月 1 日")
        let corpus = try Self.build(extra: ["hongze-2022-named-with-city.txt": lastYear])
        let older = try #require(corpus.report("hongze-2022-named-with-city.txt"))
        #expect(older.body == "淮安市洪泽区人民政府" && older.year == 2022 && older.county == "洪泽区")
        let model = SiteModel(reports: corpus.reports, config: SiteConfig())
        let body = try #require(model.bodies.first { $0.reports.contains { $0.source == "hongze-2022-named-with-city.txt" } })
        #expect(Set(body.reports.map(\.source)) == ["hongze-2022-named-with-city.txt", "hongze-2023-pdftotext.txt", "hongze-2023.pdf"])
        // a roster naming it with its city takes both, without an alias
        let roster = [SiteConfig.RosterEntry(name: "淮安市洪泽区人民政府")]
        #expect(corpus.reports.filter { BodyIdentity($0, roster: roster)?.rosterName != nil }.map(\.source).sorted()
            == ["hongze-2022-named-with-city.txt", "hongze-2023-pdftotext.txt", "hongze-2023.pdf"])
        // the cross-year rules ran against it: 2023's carry-over is compared with 2022's
        let newer = try #require(corpus.report("hongze-2023-pdftotext.txt"))
        #expect(newer.findings.contains { $0.rule.hasPrefix("crossYear.") })
    }
}

/// Identities are made once per inputs and roster in a process: asked again, with another roster or
/// none, each is what its inputs and that roster give.
@Suite("Body identity: made once, per roster")
struct BodyIdentityMemoTests {
    static func hongze(_ body: String, roster: [SiteConfig.RosterEntry]) -> String? {
        BodyIdentity(body: body, kind: .government, city: nil, county: nil, town: nil, source: "hongze.txt", roster: roster)?.key
    }

    @Test("淮安市洪泽区人民政府 without a roster, with one naming it, and without again; a space in the name changes nothing")
    func perRoster() {
        let roster = [SiteConfig.RosterEntry(name: "淮安市洪泽区人民政府")]
        #expect(Self.hongze("淮安市洪泽区人民政府", roster: []) == "|洪泽区|淮安")
        #expect(Self.hongze("淮安市洪泽区人民政府", roster: roster) == "roster:淮安市洪泽区人民政府")
        #expect(Self.hongze("淮安市洪泽区人民政府", roster: []) == "|洪泽区|淮安")
        #expect(Self.hongze("淮安市 洪泽区人民政府", roster: []) == "|洪泽区|淮安")
        #expect(Self.hongze("淮安市 洪泽区人民政府", roster: roster) == "roster:淮安市洪泽区人民政府")
        #expect(BodyIdentity(body: nil, kind: nil, city: nil, county: nil, town: nil, source: "x.txt", roster: []) == nil)
    }
}

/// Names the issue found taken for bodies in real reports: each now gives the body as printed or none.
@Suite("Body names: never chrome, a page header, spam or a piece of a sentence")
struct BodyNameCandidateTests {
    static let preamble = "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况\n"

    @Test("a sentence before the title's name: the words after its verb, or none")
    func sentenceFragments() throws {
        let named = try ParsedFixture.report(text: "根据《条例》要求，现向社会公布沭阳县发展和改革局2023年度政府信息公开工作年度报告。\n" + Self.preamble)
        #expect(named.body == "沭阳县发展和改革局" && named.kind == .department && named.county == "沭阳县")
        let unnamed = try ParsedFixture.report(text: "特向社会公布2023年度政府信息公开工作年度报告\n" + Self.preamble)
        #expect(unnamed.body == nil && unnamed.kind == nil)
        let verb = try ParsedFixture.report(text: "做好2023年度政府信息公开工作年度报告\n" + Self.preamble)
        #expect(verb.body == nil)
        let about = try ParsedFixture.report(text: "关于某某县某某镇2023年度政府信息公开工作年度报告\n" + Self.preamble)
        #expect(about.body == "某某县某某镇" && about.county == "某某县" && about.town == "某某镇")
        let aboutAfter = try ParsedFixture.report(text: "某某县审计局关于2023年度政府信息公开工作年度报告\n" + Self.preamble)
        #expect(aboutAfter.body == "某某县审计局" && aboutAfter.kind == .department)
    }

    @Test("page chrome above a title, a flip-book page header, spam: never a name")
    func chromeAndSpam() throws {
        let chrome = try ParsedFixture.report(text: "【字体: 大 中 小】 打印\n2023年度某某镇政府信息公开工作年度报告\n" + Self.preamble)
        #expect(chrome.body == "某某镇" && chrome.kind == .town)
        let header = try ParsedFixture.report(text: "Page 9 - 2023年报_审计局\nP. 9\n" + Self.preamble)
        #expect(header.body == nil && header.title == nil)
        let spam = try ParsedFixture.report(text: "365bet体育在线卫生健康委2023年政府信息公开工作年度报告\n" + Self.preamble)
        #expect(spam.body == nil)
    }

    @Test("the title's name is kept when it is the report's own abbreviation-free name; 我镇 and 市公安局 are not names")
    func selfReferences() throws {
        let town = try ParsedFixture.report(text: Self.preamble + "2023年，我镇认真贯彻落实《条例》。\n")
        #expect(town.body == nil)
        let bureau = try ParsedFixture.report(text: Self.preamble + "2023年，市公安局认真贯彻落实《条例》。\n")
        #expect(bureau.body == nil)
        let street = try ParsedFixture.report(text: Self.preamble + "2023年，在区委、区政府的领导下，官洲街道办事处认真贯彻落实《条例》。\n")
        #expect(street.body == "官洲街道办事处" && street.kind == .streetOffice && street.town == "官洲街道办事处")
    }
}
