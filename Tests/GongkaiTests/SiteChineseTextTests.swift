import Foundation
import GongkaiCheck
import GongkaiModel
import Testing
@testable import GongkaiSite

/// The site speaks Chinese: built from the real reports, no page shows an English sentence.
@Suite("Site: every visible text in Chinese")
struct SiteChineseTextTests {
    static let files: [String: String] = [
        "2022/jinjiang-jinjing.txt": Fixture.seedJinjing, "2022/jinjiang-yonghe.txt": Fixture.seedYonghe,
        "2023/huaian-hongze.txt": Fixture.hongze, "2020/pingtan.txt": Fixture.pingtan2020,
        "2021/pingtan.txt": Fixture.pingtan2021, "2023/pingtan.txt": Fixture.pingtan2023,
        "2024/shanghai-kewei.md": Fixture.shanghai, "2022/taiping.txt": Fixture.taiping,
        "2020/liangcheng.txt": Fixture.liangcheng, "2020/taojiang.txt": Fixture.taojiang,
    ]

    /// What a visitor reads: no tags (so no attributes), scripts, styles, URLs or e-mail addresses.
    static func visibleText(_ html: String) -> String {
        var text = html.replacing(/(?s)<script.*?<\/script>|<style.*?<\/style>/, with: " ")
        text = text.replacing(/(?s)<[^>]*>/, with: " ")
        text = text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        return text.replacing(/(?:https?:\/\/|www\.)\S+|\S+@\S+/, with: " ")
    }

    @Test("no page of the site built from the real reports shows an English sentence or a rule id")
    func noEnglishSentence() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        _ = try site.builder().build()
        let pages = site.htmlFiles()
        #expect(pages.count > 20)
        let ruleIDs = RuleIDs.all
        for page in pages {
            let text = Self.visibleText(try site.read(page))
            #expect(EnglishText.sentences(in: text).isEmpty, "\(page): \(EnglishText.sentences(in: text))")
            #expect(ruleIDs.filter { text.contains($0) }.isEmpty, "\(page)")
        }
        // The stripping is not what hides English: the report page's text still holds the findings, in Chinese.
        let yonghe = Self.visibleText(try site.read("reports/jinjiang-yonghe-2022.html"))
        #expect(yonghe.contains("表三 · 自然人 · 一+二 ≠ 三(七)+四：1 + 0 ≠ 0 + 0"))
        #expect(yonghe.contains("「四、政府信息公开行政复议、行政诉讼情况」无法识别：第123行为无法识别的内容"))
        #expect(yonghe.contains("该行数字少于列数，缺失的单元格记为无法识别"))
        let findings = Self.visibleText(try site.read("findings/2023.html"))
        #expect(findings.contains("表四 · 行政复议 · 结果维持+结果纠正+其他结果+尚未审结 ≠ 总计：10 + 1 + 0 + 0 ≠ 0"))
    }

    @Test("the score shows one decimal, nominal part maxima, and 未评分 with its reason for timeliness")
    func scoreOfAnUndatedReport() throws {
        let site = try TemporarySite(files: ["2022/jinjiang-yonghe.txt": Fixture.seedYonghe])
        defer { site.remove() }
        _ = try site.builder().build()
        let html = try site.read("reports/jinjiang-yonghe-2022.html")
        #expect(html.contains("<p class=\"score-note\">按时发布未评分（印发日期不详），总分按其余各项折算为百分制。</p>"))
        #expect(html.contains("<th scope=\"row\">按时发布</th><td>未评分</td><td>5</td>"))
        // Section 四 of six cannot be read (an [illegible] gap), half a section lost: 25 × 5.5/6 = 22.9 of the nominal 25.
        #expect(html.contains("<th scope=\"row\">六部分齐全</th><td>22.9</td><td>25</td>"))
        #expect(html.contains(#/<strong>\d+\.\d<\/strong> \/ 100/#))
    }
}

/// Every rule id the checks can print, to make sure none reaches a page's visible text.
enum RuleIDs {
    static var all: [String] { GongkaiCheck.RuleID.allCases.map(\.rawValue) }
}
