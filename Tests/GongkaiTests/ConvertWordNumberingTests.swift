import Foundation
import Testing
@testable import GongkaiConvert
import GongkaiModel
import GongkaiParse

/// Word's automatic numbering: headings numbered by numbering.xml (not typed) keep their
/// "一、" / "（一）" in the converted text, so the parser finds the sections.
@Suite struct ConvertWordNumberingTests {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    /// 一、 at level 0, （一） at level 1: how Chinese reports number their headings in Word.
    static let numbering = """
        <w:numbering \(w)><w:abstractNum w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        </w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>
        """
    /// The level-0 numbering comes from a heading style, as Word's 标题 1 usually carries it.
    static let styles = """
        <w:styles \(w)><w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
        <w:style w:styleId="ReportHeading"><w:basedOn w:val="Heading1"/></w:style></w:styles>
        """

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static var topLevel: Regex<AnyRegexOutput> { try! Regex("^#*\\s*[一二三四五六七八九十]+、") }
    static var subLevel: Regex<AnyRegexOutput> { try! Regex("^#*\\s*（[一二三四五六七八九十]+）") }

    /// The seed as Word paragraphs: its typed heading numbers removed and replaced by automatic
    /// numbering (level 0 through a style based on Heading1, level 1 by the paragraph's numPr).
    static func body(from text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let line = String(line)
            let runs = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { "<w:r><w:t xml:space=\"preserve\">\(escaped(String($0)))</w:t></w:r>" }.joined(separator: "<w:r><w:tab/></w:r>")
            guard !line.contains("\t") else { return "<w:p>\(runs)</w:p>" }
            if let match = line.firstMatch(of: topLevel) {
                let title = escaped(String(line[match.range.upperBound...]))
                return "<w:p><w:pPr><w:pStyle w:val=\"ReportHeading\"/></w:pPr><w:r><w:t>\(title)</w:t></w:r></w:p>"
            }
            if let match = line.firstMatch(of: subLevel) {
                let title = escaped(String(line[match.range.upperBound...]))
                return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr><w:r><w:t>\(title)</w:t></w:r></w:p>"
            }
            return "<w:p>\(runs)</w:p>"
        }.joined()
    }

    static func converted(_ text: String, numbered: Bool) throws -> [String] {
        let xml = "<w:document \(w)><w:body>\(body(from: text))</w:body></w:document>"
        let root = try #require(MarkupParser.xml(Array(xml.utf8)))
        var numbering = numbered ? WordNumbering(numbering: Array(Self.numbering.utf8), styles: Array(Self.styles.utf8)) : WordNumbering()
        var lines: [String] = []
        WordConverter.appendBlocks(of: try #require(root.firstChild("body")), to: &lines, numbering: &numbering)
        return lines
    }

    static func parse(_ lines: [String]) throws -> Report {
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        return ReportParser.parse(try ReportFileLoader.load(bytes: bytes, fileAt: URL(fileURLWithPath: "/nonexistent/jinjing.txt"), path: "jinjing.txt"))
    }

    /// 晋江市金井镇 2022 typed its headings 一、…六、 and （一）（二）（三）（五） (no （四）); Word counts for
    /// itself, so its fourth sub-heading is （四）.
    @Test func headingsNumberedByWordAreWrittenOut() throws {
        let lines = try Self.converted(Fixture.text(Fixture.seedJinjing), numbered: true)
        let headings = lines.filter { $0.firstMatch(of: Self.topLevel) != nil && !$0.contains("\t") }
        #expect(headings == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                             "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"])
        #expect(lines.filter { $0.hasPrefix("（") } == ["（一）主动公开政府信息情况", "（二）政府信息依申请公开办理情况", "（三）政府信息管理", "（四）监督保障"])
    }

    @Test func numberedWordReportParsesLikeItsTextOriginal() throws {
        let original = try Self.parse(Fixture.text(Fixture.seedJinjing).components(separatedBy: "\n"))
        let numbered = try Self.parse(try Self.converted(Fixture.text(Fixture.seedJinjing), numbered: true))
        #expect(numbered.sections.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(ReportEssence(numbered) == ReportEssence(original))
        // Without numbering.xml the headings come out bare, as before this was read.
        let bare = try Self.converted(Fixture.text(Fixture.seedJinjing), numbered: false)
        #expect(bare.contains("总体情况") && !bare.contains("一、总体情况"))
    }

    @Test(arguments: [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (35, "三十五"), (105, "一百零五"), (110, "一百一十")])
    func chineseCounting(value: Int, expected: String) {
        #expect(WordNumberFormat.text(value, format: "chineseCounting") == expected)
    }

    @Test func otherFormats() {
        #expect(WordNumberFormat.text(3, format: "decimalEnclosedCircle") == "③")
        #expect(WordNumberFormat.text(2, format: "ideographTraditional") == "乙")
        #expect(WordNumberFormat.text(14, format: "upperRoman") == "XIV")
        #expect(WordNumberFormat.text(12, format: "decimalFullWidth") == "１２")
        #expect(WordNumberFormat.text(28, format: "lowerLetter") == "bb")
    }
}
