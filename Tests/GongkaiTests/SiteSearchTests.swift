import Foundation
import Testing
import GongkaiModel
@testable import GongkaiSite

@Suite struct SiteSearchTests {
    @Test func indexHoldsBigramsOfTheTextAndTheNormalisedText() throws {
        let report = Report(id: "jinjiang-yonghe-2022", source: "2022/jinjiang-yonghe.txt", body: "晋江市永和镇人民政府", year: 2022, text: Fixture.text(Fixture.seedYonghe))
        let script = String(decoding: try SearchIndex.script([report]), as: UTF8.self)
        #expect(script.hasPrefix("(window.GONGKAI_SEARCH_SHARDS=window.GONGKAI_SEARCH_SHARDS||[]).push({"))
        // "永和微平台" (seed 001, line 27) gives the pairs 永和 和微 微平 平台.
        for gram in ["永和", "和微", "微平", "平台"] { #expect(script.contains("\"\(gram)\":[0]")) }
        #expect(script.contains("永和微平台"))
        #expect(script.contains(#""u":"reports/jinjiang-yonghe-2022.html""#))
    }

    @Test func documentsKeptByDigestGiveTheSameScriptAsDocumentsMadeAgain() throws {
        let yonghe = Report(id: "jinjiang-yonghe-2022", source: "2022/jinjiang-yonghe.txt", body: "晋江市永和镇人民政府", year: 2022, text: Fixture.text(Fixture.seedYonghe))
        let jinjing = Report(id: "jinjiang-jinjing-2022", source: "2022/jinjiang-jinjing.txt", body: "晋江市金井镇人民政府", year: 2022, text: Fixture.text(Fixture.seedJinjing))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let kept = SearchDocuments(directory: folder, yearKey: "2022", digests: [yonghe.id: "digest-yonghe", jinjing.id: "digest-jinjing"])
        let fresh = try SearchIndex.script([yonghe, jinjing])
        var first: [UInt8] = []
        try SearchIndex.write([yonghe, jinjing], kept: kept, to: { first += $0 })
        #expect(first == fresh)
        #expect(Set(kept.load().keys) == ["digest-yonghe", "digest-jinjing"])
        // Read back: a report whose text is gone is still indexed from its kept document ("永和微平台", seed 001 line 27).
        var emptied = yonghe
        emptied.text = ""
        var second: [UInt8] = []
        try SearchIndex.write([emptied, jinjing], kept: kept, to: { second += $0 })
        #expect(second == fresh)
        #expect(String(decoding: second, as: UTF8.self).contains("永和微平台"))
        // A damaged file is not trusted: every document is made again.
        try Data("gongkai-search\n{".utf8).write(to: URL(fileURLWithPath: kept.file))
        #expect(kept.load().isEmpty)
        var third: [UInt8] = []
        try SearchIndex.write([yonghe, jinjing], kept: kept, to: { third += $0 })
        #expect(third == fresh)
    }

    @Test func aBigramRepeatedInAReportIsPostedOnceAndCharactersBeyondTheBMPGiveSurrogatePairs() throws {
        // "𠀀" (U+20000) is two UTF-16 units, D840 DC00, as JavaScript's substr sees it.
        let first = Report(id: "a-2022", source: "2022/a.txt", body: "甲", year: 2022, text: "政务公开政务公开𠀀")
        let second = Report(id: "b-2022", source: "2022/b.txt", body: "乙", year: 2022, text: "公开")
        let script = String(decoding: try SearchIndex.script([first, second]), as: UTF8.self)
        #expect(script.components(separatedBy: #""公开":[0,1]"#).count == 2)
        #expect(script.contains(#""开政":[0]"#))
        #expect(script.contains(#""开\ud840":[0]"#))
        #expect(script.contains(#""\ud840\udc00":[0]"#))
    }

    @Test func postingListsOfMoreThanAThousandDocumentsStayAscendingWithEveryNumberWritten() throws {
        // 1,002 reports that all hold 公开: document numbers of one, two, three and four digits in one list.
        let reports = (0..<1002).map { Report(id: "r\($0)-2022", source: "2022/r\($0).txt", body: "甲", year: 2022, text: "公开") }
        let script = String(decoding: try SearchIndex.script(reports), as: UTF8.self)
        let numbers = (0..<1002).map(String.init).joined(separator: ",")
        #expect(script.contains(#""公开":["# + numbers + "]"))
        var digits: [UInt8] = []
        for value in [0, 9, 10, 99, 100, 999, 1000, 123_456] { SearchIndex.appendDecimal(value, to: &digits); digits.append(UInt8(ascii: " ")) }
        #expect(String(decoding: digits, as: UTF8.self) == "0 9 10 99 100 999 1000 123456 ")
    }

    @Test func normalisingMatchesWhatTheBrowserSideDoes() {
        // Full-width forms (digits, letters, the comma) fold to ASCII, spaces vanish (OCR puts them between characters).
        #expect(SearchIndex.normalise("受理申请的数量 １ 条，ＡＢ") == "受理申请的数量1条,ab")
        #expect(SearchIndex.bigrams("政务公开") == ["政务", "务公", "公开"])
    }

    @Test func normalisingDropsUnicodeSpacesAndLowercasesBeyondASCII() {
        // The ideographic space U+3000, no-break U+00A0, narrow no-break U+202F and line separator U+2028
        // are whitespace; the CJK punctuation 、。「」 and dashes — stay; Greek, Cyrillic, Latin-1 capitals lowercase.
        #expect(SearchIndex.normalise("第一、\u{3000}行政\u{00A0}许可\u{202F}。\u{2028}「公开」—ΣΔ Жé É😀") == "第一、行政许可。「公开」—σδжéé😀")
    }

    @Test func feedAndSitemapAreRelativeUnlessABaseURLIsSet() throws {
        let report = Report(id: "jinjiang-jinjing-2022", source: "a.txt", body: "晋江市金井镇人民政府", year: 2022, issued: Issued(date: "2023-01-11"))
        let relative = String(decoding: Feeds.sitemap(pages: ["index.html", SitePath.report(report.id)], base: nil), as: UTF8.self)
        #expect(relative.contains("<loc>reports/jinjiang-jinjing-2022.html</loc>"))
        let absolute = String(decoding: Feeds.atom([report], title: "公开", base: "https://gk.example.org/sub"), as: UTF8.self)
        #expect(absolute.contains(#"<link href="https://gk.example.org/sub/reports/jinjiang-jinjing-2022.html"/>"#))
        #expect(absolute.contains("<updated>2023-01-11T00:00:00Z</updated>"))
    }
}
