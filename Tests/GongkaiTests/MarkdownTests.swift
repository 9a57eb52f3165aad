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

    @Test func everyTabOfACellRowBecomesTwoEmSpaces() {
        // Seed 000 line 85: 表三's first row, an empty cell between the label and 自然人 (two tabs in a row).
        let line = "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t"
        let widened = line.withCString { CmarkDocument.tabsWidened($0) }
        #expect(widened.last == 0)
        let text = String(decoding: widened.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let gap = "\u{2003}\u{2003}"
        #expect(text == "一、本年新收政府信息公开申请数量" + gap + gap + Array(repeating: "0", count: 7).joined(separator: gap) + gap)
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

    /// The byte-level shortcuts count and parse as the String-level code did.
    @Test func lineCountAndSourceRangesAsTheStringLevelCode() {
        for text in ["", "甲", "甲\n", "甲\n\n乙", "a\r\nb\nc", "\n\n", Fixture.text(Fixture.seedYonghe)] {
            #expect(MarkdownRenderer.lines(text) == text.split(separator: "\n", omittingEmptySubsequences: false).count, "\(text.prefix(8))")
        }
        for attribute in ["3:1-5:12", "7:1-9:0", "10:2-10:0", "1:1-1:1", "x:1-2:3", "1:1-2", "12:1-14:30:1", ""] {
            let bytes = ArraySlice(Array(attribute.utf8))
            #expect(SourceRange(bytes).map { [$0.startLine, $0.endLine] } == SourceRange(attribute).map { [$0.startLine, $0.endLine] }, "\(attribute)")
        }
    }

    /// A soft break between two Chinese characters is dropped, next to emphasis too; one beside
    /// a Latin word or a four-byte character outside the CJK ranges stays a line break.
    @Test func softBreaksBetweenChineseCharactersOnly() {
        #expect(MarkdownRenderer.html("第一行\n第二行").contains("第一行第二行"))
        #expect(MarkdownRenderer.html("**第一**\n*第二*").contains("<strong>第一</strong><em>第二</em>"))
        #expect(MarkdownRenderer.html("第一 abc\n第二").contains("abc\n第二"))
        #expect(MarkdownRenderer.html("第一😀\n第二").contains("😀\n第二"))
        #expect(MarkdownRenderer.html("𠀀\n𠀁").contains("𠀀𠀁"))
    }

    @Test func seedTextKeepsDistinctivePhraseWithAnchors() throws {
        let text = Fixture.text(Fixture.seedYonghe)
        let html = MarkdownRenderer.htmlWithLineAnchors(text)
        #expect(html.contains("永和微平台"))
        #expect(html.contains(#"id="L1""#))
        #expect(html.contains(#"id="L132""#) || text.split(separator: "\n", omittingEmptySubsequences: false).count < 132)
    }
}

@Suite struct MarkdownAutolinkTests {
    /// Seed 001 line 66 and the 上海市科委 preamble: GFM's autolink would swallow the Chinese text after the address.
    @Test func anAutolinkEndsWhereTheChineseTextBegins() {
        let html = MarkdownRenderer.html("在 www.jinjiang.gov.cn（晋江市人民政府）网站上公开")
        #expect(html.contains(#"<a href="http://www.jinjiang.gov.cn">www.jinjiang.gov.cn</a>（晋江市人民政府）网站上公开"#))
        let shanghai = MarkdownRenderer.html("可以通过市科委网站（https://stcsm.sh.gov.cn）下载。")
        #expect(shanghai.contains(#"<a href="https://stcsm.sh.gov.cn">https://stcsm.sh.gov.cn</a>）下载。"#))
        // A written link keeps its own text and target.
        #expect(MarkdownRenderer.html("[网站](http://x.cn/路径)").contains(">网站</a>"))
    }
}
