import Foundation
import Testing
@testable import GongkaiMarkdown

@Suite struct MarkdownTests {
    @Test func gfmTableRendersAsHTMLTable() {
        let html = MarkdownRenderer.html("| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 0 |\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<th>信息内容</th>"))
        #expect(html.contains("<td>规章</td>"))
    }

    @Test func strikethroughRendersAsDel() {
        #expect(MarkdownRenderer.html("~~旧数据~~").contains("<del>旧数据</del>"))
    }

    @Test func bareLinksAreAutolinked() {
        let html = MarkdownRenderer.html("网址 www.jinjiang.gov.cn 与 http://www.fujian.gov.cn/ 。")
        #expect(html.contains(#"<a href="http://www.jinjiang.gov.cn">"#))
        #expect(html.contains(#"<a href="http://www.fujian.gov.cn/">"#))
    }

    @Test func rawHTMLIsNeverPassedThrough() {
        let inline = MarkdownRenderer.html("文字 <script>alert(1)</script> 文字")
        let block = MarkdownRenderer.html("<script>alert(1)</script>\n")
        #expect(!inline.contains("<script>"))
        #expect(!block.contains("<script>"))
    }

    @Test func chineseLinesJoinWithoutSpace() {
        let html = MarkdownRenderer.html("全年主动公开信息数63条，全文电子化率达100%。公开的内容主要包括机构职能类信\n息4条。\n")
        #expect(html.contains("<p>全年主动公开信息数63条，全文电子化率达100%。公开的内容主要包括机构职能类信息4条。</p>"))
    }

    @Test func pdftotextLinesOfARealReportJoinWithoutSpace() {
        // 洪泽区 2023 (pdftotext), lines 12–14 wrap inside 社会|主义 and 不断完|善.
        let html = MarkdownRenderer.html(Fixture.text(Fixture.hongze))
        #expect(html.contains("坚持以习近平新时代中国特色社会主义思想为指导"))
        #expect(html.contains("不断完善政府信息公开制度"))
    }

    @Test func latinLinesKeepTheirBreak() {
        // Between Latin words the soft break is a word boundary and must stay.
        #expect(MarkdownRenderer.html("open\ndata\n").contains("open\ndata"))
    }

    @Test func tabSeparatedRowsKeepTheirLines() {
        // Seed 001 lines 96–97: 表三's first rows, cells separated by tabs.
        let html = MarkdownRenderer.html("一、本年新收政府信息公开申请数量\t\t1\t0\n二、上年结转政府信息公开申请数量\t\t0\t0\n")
        #expect(html.contains("1\u{2003}\u{2003}0<br />\n二、上年结转政府信息公开申请数量"))
        #expect(!html.contains("\t"))
    }

    @Test func concurrentRendersMatchSerialResult() async {
        let document = "~~作废~~ 见 www.jinjiang.gov.cn 和 https://www.gov.cn/zhengce/ 。\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        let serial = MarkdownRenderer.html(document)
        #expect(serial.contains("<del>作废</del>") && serial.contains("<a href=\"https://www.gov.cn/zhengce/\">"))
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<16 { group.addTask { MarkdownRenderer.html(document) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == serial })
    }

    @Test func everySourceLineGetsOneAnchor() {
        let text = "# 标题\n\n第一行\n第二行\n\n- 甲\n- 乙\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        let html = MarkdownRenderer.htmlWithLineAnchors(text, firstLine: 5)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        for n in 5..<(5 + lines) {
            #expect(html.components(separatedBy: "id=\"L\(n)\"").count == 2, "L\(n)")
        }
        #expect(!html.contains("data-sourcepos"))
        #expect(html.contains("第一行第二行"))
    }

    @Test func linesOutsideTheTextStillGetAnchors() {
        // Front matter took lines 1–4; a finding points at the end of a 2-line text (line 7).
        let html = MarkdownRenderer.htmlWithLineAnchors("甲\n乙", firstLine: 5, referencedLines: [2, 6, 7])
        for line in [2, 5, 6, 7] { #expect(html.contains("id=\"L\(line)\""), "L\(line)") }
        #expect(!html.contains("id=\"L3\""))
    }

    @Test func seedTextKeepsDistinctivePhraseWithAnchors() throws {
        let text = Fixture.text(Fixture.seedYonghe)
        let html = MarkdownRenderer.htmlWithLineAnchors(text)
        #expect(html.contains("永和微平台"))
        #expect(html.contains(#"id="L1""#))
        #expect(html.contains(#"id="L132""#) || text.split(separator: "\n", omittingEmptySubsequences: false).count < 132)
    }
}
