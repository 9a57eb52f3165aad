import CLibXML2
import Foundation
import GongkaiModel
import Testing
import ZIPFoundation
@testable import GongkaiConvert
@testable import GongkaiLoad
@testable import GongkaiSite

/// 整改通知 from the dev corpus's real reports. 永和镇 (seed 001) printed a 表三 that does not add up
/// (新收 自然人 1 on line 96 but 总计 0; an outcome of 1 on line 104 but （七）总计 0 on line 120),
/// says it received 1 application (line 25) where 表三 says 0, and gives no email: read by hand.
@Suite("整改通知: the page, the Word file and the year's archive")
struct NoticeTests {
    static let yonghe = "001_ba4ee18afd36a9fc.txt"
    static let yongheTitle = "关于晋江市永和镇2022年政府信息公开工作年度报告问题的整改通知"

    static func report(_ file: String) throws -> Report { try #require(try DevCorpus.built.get().reports[file]) }
    static func file(_ path: String) throws -> [UInt8] { try #require(try DevCorpus.built.get().files[path]) }
    static func text(_ path: String) throws -> String { String(decoding: try file(path), as: UTF8.self) }

    /// The Word file read back by the project's own Word converter, one paragraph a line.
    static func wordText(_ bytes: [UInt8]) throws -> [String] {
        try WordConverter.convert(bytes: bytes, path: "notice.docx").text.split(separator: "\n").map(String.init)
    }

    @Test func yongheNoticeQuotesEachLineItRestsOn() throws {
        let report = try Self.report(Self.yonghe)
        let lines = try Self.wordText(Self.file(SitePath.noticeDocx(report.id)))
        #expect(lines.first == Self.yongheTitle)
        #expect(lines.dropFirst().first == "晋江市永和镇：")
        // the arithmetic first (score part order), then the preamble; in each, by line
        let headings = lines.filter { $0.hasPrefix("一、") || $0.hasPrefix("二、") || $0.hasPrefix("三、") }
        #expect(headings.count == 2)
        #expect(headings.first?.hasPrefix("一、表格勾稽关系正确（本项得分") == true)
        #expect(headings.last?.hasPrefix("二、统计期限、发布网站和联系方式（本项得分") == true)
        let sources = lines.filter { $0.hasPrefix("原文") }
        #expect(sources.count == 5)
        // the whole line as printed (single blanks kept), with no second full stop after the quote
        #expect(sources.first?.hasPrefix("原文第25行：“(二)依申请公开情况:2022 年度受理申请的数量 1 条，属本机关在履行行政管理职能过程中形成的请示报告，"
            + "根据《条例》第十六条第二款、第三十六条第（三）项的规定，决定不予公开，已答复给申请人办结。”扣") == true)
        // no email anywhere in the text: the notice says it is missing, it does not quote the title's line
        #expect(sources.last?.hasPrefix("原文未见相关内容。扣") == true)
        #expect(sources.contains { $0.hasPrefix("原文第96行：“一、本年新收政府信息公开申请数量　1　0　0　0　0　0　0”。扣") })
        #expect(sources.filter { $0.hasPrefix("原文第96行") }.count == 2)  // 一+二 ≠ 三(七)+四, and 总计 ≠ the columns
        #expect(sources.contains { $0.hasPrefix("原文第120行：“（七）总计　0　0　0　0　0　0　0”。扣") })
        #expect(lines.contains("请按规定时限将整改情况书面报送。"))
    }

    /// Every point the notice names is the score's, as the report page shows it: 永和镇 has no issue
    /// date, so timeliness is not scored and the scorer scales the other parts up to 100; the notice,
    /// like the page, gives 表格勾稽关系正确 out of its configured 25 and each deduction at that size.
    @Test func deductionsAreTheScoresOwn() throws {
        let report = try Self.report(Self.yonghe)
        let notice = try #require(Notice.make(report, config: SiteConfig()))
        let score = try #require(report.score)
        #expect(notice.score == score.total)
        #expect(score.parts.first { $0.id == "timeliness" }?.max == 0)
        let arithmetic = try #require(score.parts.first { $0.id == "arithmetic" })
        let scale = arithmetic.max / 25
        let group = try #require(notice.groups.first)
        #expect(group.label == "表格勾稽关系正确" && group.max == 25 && abs(group.points - arithmetic.points / scale) < 0.005)
        #expect(group.items.map(\.line) == [25, 96, 96, 120])
        for item in group.items {
            let rule = try #require(report.findings.first { $0.messageZh == item.message && $0.line == item.line }).rule
            let expected = arithmetic.deductions.filter { $0.rule == rule && $0.line == item.line }.reduce(0) { $0 + $1.points }
            #expect(expected > 0 && abs(item.points - expected / scale) < 0.005)
        }
        // what the part lost beyond the items (表四 and the 结转 row, which could not be read) is said, not itemized
        let rest = 25 - group.points - group.items.reduce(0) { $0 + $1.points }
        #expect(rest > 0.05 && NoticeText.groupRemainder(group) == "本项另有\(Notice.pointsText(rest))分因部分内容无法识别或无法核对而未得，不列为整改事项，详见报告页。")
        // the report page shows the same figures
        let page = try Self.text(SitePath.report(report.id))
        #expect(page.contains("<th scope=\"row\">表格勾稽关系正确</th><td>\(Notice.pointsText(group.points))</td><td>25</td>"))
    }

    /// Nothing to correct, nothing sent: a clean report, a report naming no body, and findings about
    /// the site's copy (the twin file of 平潭 2021) give no notice; a dismissed finding is left out.
    @Test func onlyOpenFindingsABodyCanActOnAreSent() throws {
        let files = try DevCorpus.built.get().files
        let clean = try Self.report("000_3a640c0e6a422263.txt")
        let cleanHasNotice = files[SitePath.notice(clean.id)] != nil || files[SitePath.noticeDocx(clean.id)] != nil
        #expect(!cleanHasNotice)
        #expect(try Self.text(SitePath.report(clean.id)).contains("整改通知：无需整改"))
        let unnamed = try Self.report(DevCorpus.chongqingTown)
        let unnamedHasNotice = files[SitePath.notice(unnamed.id)] != nil
        #expect(!unnamedHasNotice)
        #expect(try Self.text(SitePath.report(unnamed.id)).contains("整改通知：未生成：报告未载明机关名称"))
        // 平潭 2021's only error is its twin file, which is the site's business; it gives no email
        // (a warning the body can act on), and that is all its notice says
        let twin = try Self.report("pingtan-2021.html")
        #expect(twin.findings.contains { $0.rule == "reports.duplicate" && $0.severity == .error })
        let notice = try #require(Notice.make(twin, config: SiteConfig()))
        #expect(notice.groups.map(\.label) == ["统计期限、发布网站和联系方式"])
        #expect(notice.groups.flatMap(\.items).map(\.title) == ["提供电子邮箱"])

        var reviewed = try Self.report(Self.yonghe)
        let before = try #require(Notice.make(reviewed, config: SiteConfig())).itemCount
        let index = try #require(reviewed.findings.firstIndex { $0.rule == "narrative.applicationsReceived" })
        reviewed.findings[index].dismissal = Dismissal(reason: "已核实为误报", who: "审核人", date: "2023-04-01")
        let after = try #require(Notice.make(reviewed, config: SiteConfig()))
        #expect(after.itemCount == before - 1 && !after.groups[0].items.contains { $0.line == 25 })
        for index in reviewed.findings.indices { reviewed.findings[index].dismissal = Dismissal(reason: "误报", who: "审核人", date: "2023-04-01") }
        #expect(Notice.make(reviewed, config: SiteConfig()) == nil)
    }

    @Test func thePageIsLinkedAndPrintsOnA4() throws {
        let report = try Self.report(Self.yonghe)
        let page = try Self.text(SitePath.notice(report.id))
        #expect(page.contains("<h1 class=\"notice-title\">\(Self.yongheTitle)</h1>"))
        #expect(page.contains("<a href=\"../reports/\(report.id).html#L96\">原文第96行"))
        #expect(page.contains("href=\"../assets/notice.css\""))
        #expect(try Self.text("assets/notice.css").contains("@page { size: A4 portrait;"))
        #expect(try Self.text(SitePath.report(report.id)).contains("<a href=\"../notices/\(report.id).html\">查看并打印</a>"))
        #expect(try Self.text(SitePath.year("2022")).contains("<a href=\"../notices/2022.zip\" download>2022年全部整改通知（1份Word文档，ZIP）</a>"))
    }

    /// Each XML part parses with libxml2 (no recovery), declares A4 portrait and the Chinese fonts.
    @Test func theWordFileIsWellFormed() throws {
        let report = try Self.report(Self.yonghe)
        let archive = try Archive(data: Data(try Self.file(SitePath.noticeDocx(report.id))), accessMode: .read)
        var names: [String] = []
        for entry in archive {
            names.append(entry.path)
            var xml = Data()
            _ = try archive.extract(entry, skipCRC32: false) { xml.append($0) }
            #expect(Self.isWellFormed([UInt8](xml)), "\(entry.path)")
            let text = String(decoding: xml, as: UTF8.self)
            if entry.path == "word/document.xml" {
                #expect(text.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\" w:orient=\"portrait\"/>"))
            }
            if entry.path == "word/styles.xml" { #expect(text.contains("w:eastAsia=\"仿宋_GB2312\"")) }
            if entry.path == "word/fontTable.xml" { #expect(text.contains("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>")) }
        }
        #expect(names == ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml", "word/fontTable.xml"])
    }

    static func isWellFormed(_ bytes: [UInt8]) -> Bool {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "part.xml", nil, options)
            }
        }
        defer { xmlFreeDoc(document) }
        return document != nil
    }

    /// One archive per year: 2020 holds 平潭's two files of one report (its text and its saved page),
    /// both with 表三's （七）总计 21 against 27, under UTF-8 names, numbered apart.
    @Test func theYearArchiveHoldsEveryNotice() throws {
        let bytes = try Self.file(SitePath.notices("2020"))
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let names = archive.map(\.path)
        #expect(names == ["平潭综合实验区2020年政府信息公开工作年度报告整改通知.docx", "平潭综合实验区2020年政府信息公开工作年度报告整改通知（2）.docx"])
        // general-purpose flag bit 11 (UTF-8 names) in the first local header
        #expect(bytes[7] & 0x08 == 0x08)
        for entry in archive {
            var docx = Data()
            _ = try archive.extract(entry, skipCRC32: false) { docx.append($0) }
            let lines = try Self.wordText([UInt8](docx))
            #expect(lines.first == "关于平潭综合实验区2020年政府信息公开工作年度报告问题的整改通知")
            #expect(lines.contains { $0.hasPrefix("（一）表三：（七）总计等于各办理结果之和。") })
        }
        // the page's text as copied runs the whole report onto one line (10): it is quoted around the
        // row the finding is about, （七）总计 (20 … 21), not from its beginning (the page's title);
        // the saved page itself has the row on a line of its own (78)
        let text = try Self.report("pingtan-2020-page-text.txt")
        let quotes = try Self.wordText(Self.file(SitePath.noticeDocx(text.id))).filter { $0.hasPrefix("原文") }
        #expect(quotes.count == 2 && quotes.allSatisfy { $0.hasPrefix("原文第10行：“…") && $0.contains("（七）总计20") }, "\(quotes)")
        let page = try Self.report("pingtan-2020.html")
        let pageQuotes = try Self.wordText(Self.file(SitePath.noticeDocx(page.id))).filter { $0.hasPrefix("原文") }
        #expect(pageQuotes.count == 2 && pageQuotes.allSatisfy { $0.hasPrefix("原文第78行：“（七）总计　20　0　0　0　0　1　21”。扣") }, "\(pageQuotes)")
    }

    /// The ZIP writer's CRC-32 gives the standard check value, and what it writes ZIPFoundation reads
    /// back whole: a stored entry (too small to deflate) and a deflated one, names in UTF-8.
    @Test func theZipWriterWritesWhatReadersRead() throws {
        #expect(ZipCRC.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        var zip = ZipWriter()
        let long = Array(String(repeating: "政府信息公开工作年度报告。", count: 200).utf8)
        try zip.add("短.txt", Array("a".utf8))
        try zip.add("目录/长.txt", long)
        let bytes = zip.bytes()
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var read: [String: [UInt8]] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            read[entry.path] = [UInt8](data)
        }
        #expect(read == ["短.txt": Array("a".utf8), "目录/长.txt": long])
        #expect(bytes.count < long.count / 4)  // deflated
    }

    /// The reply deadline and the issuer come from gongkai.yaml, never from the clock: two builds
    /// give the same bytes. A body on the roster is addressed by its roster name.
    @Test func theDeadlineIsConfiguredAndBuildsAreIdentical() throws {
        func build() throws -> [String: [UInt8]] {
            let site = try TemporarySite.seeds()
            defer { site.remove() }
            let yaml = "notice: {issuer: 晋江市人民政府办公室, replyBy: \"05-31\"}\n"
                + "roster: [{name: 晋江市永和镇人民政府, aliases: [晋江市永和镇]}]\n"
            try yaml.write(
                to: site.content.appendingPathComponent("gongkai.yaml"), atomically: true, encoding: .utf8)
            return try site.builder().generate().files
        }
        let first = try build(), second = try build()
        let paths = first.keys.filter { $0.hasPrefix("notices/") }.sorted()
        #expect(paths.count == 3)  // 永和镇's page and Word file, and 2022.zip
        for path in paths { #expect(first[path] == second[path], "\(path)") }
        let docx = try #require(paths.first { $0.hasSuffix(".docx") }.flatMap { first[$0] })
        let lines = try Self.wordText(docx)
        #expect(lines.prefix(2) == ["关于晋江市永和镇人民政府2022年政府信息公开工作年度报告问题的整改通知", "晋江市永和镇人民政府："])
        #expect(lines.contains("请于2023年5月31日前将整改情况书面报送晋江市人民政府办公室。"))
        #expect(lines.last == "晋江市人民政府办公室")
    }

    @Test func theNoticeKeyIsChecked() throws {
        let config = try SiteConfigLoader.parse("notice:\n  issuer: 某某办公室\n  replyBy: {2022: \"2023-06-30\"}\n", path: "gongkai.yaml")
        #expect(config.notice.replyDate(forReportYear: 2022) == "2023-06-30" && config.notice.replyDate(forReportYear: 2023) == nil)
        #expect(SiteConfig().notice.replyDate(forReportYear: 2022) == nil)
        #expect(throws: LoadError.self) { try SiteConfigLoader.parse("notice: {replyBy: \"2023-02-30\"}\n", path: "g.yaml") }
        do {
            _ = try SiteConfigLoader.parse("title: x\nnotice:\n  replyBy: {2022: \"2023-02-30\"}\n", path: "g.yaml")
            Issue.record("an impossible date was accepted")
        } catch {
            #expect(error.line == 3 && error.message.contains("must be a date"))
        }
        #expect(throws: LoadError.self) { try SiteConfigLoader.parse("notice: {issuer: x, due: 3}\n", path: "g.yaml") }
    }
}
