import Foundation
@testable import GongkaiParse
import Testing

/// The parser's fast paths (UTF-8 bytes, Unicode scalars) must give exactly what the Character
/// and Foundation operations they replace give: on every line of the real reports, and on the
/// characters that make Character comparison differ from scalar comparison.
@Suite("Parse fast paths: same results as the Character and Foundation operations")
struct ParseFastPathTests {
    static let realTexts = [
        Fixture.seedJinjing, Fixture.seedYonghe, Fixture.hongze, Fixture.pingtan2020, Fixture.pingtan2021,
        Fixture.pingtan2023, Fixture.shanghai, Fixture.taiping, Fixture.liangcheng, Fixture.taojiang,
    ].map(Fixture.text)

    /// Text where scalars and Characters differ: CR LF, a combining accent, U+037E (canonically
    /// `;`), U+F9D1 (canonically 六), a full-width bracket followed by a combining mark.
    static let trickyLines = [
        "一、总体情况\r\n二、主动公开", "e\u{301} 2 ,3", "本年新收\u{37E}21件；", "\u{F9D1}、其他需要报告的事项",
        "（\u{301}其中 12 条）", "\u{3000}\u{A0} 上年结转 |\t3 ", "",
        "\u{0C}一、总体情况 \u{0C} 3\u{0C}", "邮 编 ： 223100 a\u{A0} b 😀 c",
    ]

    static var allLines: [String] {
        realTexts.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } + trickyLines
    }

    @Test func linesSplitLikeCharacters() {
        for text in Self.realTexts + Self.trickyLines + ["a\r\nb\nc\r\n", "\n\n"] {
            #expect(SimpleText.lines(text) == text.split(separator: "\n", omittingEmptySubsequences: false))
        }
    }

    @Test func matchKeyOnBytesEqualsMatchKeyOnScalars() {
        for line in Self.allLines { #expect(ChineseText.matchKey(line) == ChineseText.matchKeyByScalars(line)) }
        #expect(ChineseText.matchKey("## （一） 本年新收：21，") == "(一)本年新收:21,")
    }

    @Test func cellsSplitLikeCharacters() {
        for line in Self.allLines {
            let folded = LabelText.halfWidth(line)
            #expect(SimpleText.cells(folded) == folded.split(whereSeparator: { $0 == "|" || $0.isWhitespace }))
        }
    }

    @Test func trimmingEqualsFoundation() {
        for line in Self.allLines {
            #expect(Whitespace.trimmed(line) == line.trimmingCharacters(in: .whitespaces))
            #expect(Whitespace.isBlank(line) == line.trimmingCharacters(in: .whitespaces).isEmpty)
            #expect(SectionFinder.asWritten(line)
                == ChineseText.collapsingOCRSpaces(line).trimmingCharacters(in: CharacterSet(charactersIn: "#*>| \t")))
        }
    }

    @Test func simpleTextExcludesWhatCharactersTreatDifferently() {
        #expect(SimpleText.isSimple("晋江市金井镇人民政府2022年政府信息公开工作年度报告，（一）1,024条。"))
        for tricky in ["\r\n", "e\u{301}", "\u{37E}", "\u{F9D1}", "\u{302A}"] { #expect(!SimpleText.isSimple(tricky)) }
        // pdftotext's page break is a control: a Character of its own, and whitespace to `cells`
        #expect(SimpleText.isSimple("第1页\u{0C}"))
        #expect(SimpleText.cells("3\u{0C}4") == ["3", "4"])
    }

    @Test func utf16LengthFromBytesEqualsTheString() {
        for line in Self.allLines + ["😀a\u{301}"] {
            #expect(SimpleText.utf16Length(line) == line.utf16.count)
            #expect(SimpleText.utf16Length(line.dropFirst()) == line.dropFirst().utf16.count)
        }
    }

    @Test func ocrSpacesCollapsedOnBytesAsScalarByScalar() {
        for line in Self.allLines { #expect(ChineseText.collapsingOCRSpaces(line) == Self.collapsingByScalars(line)) }
        #expect(ChineseText.collapsingOCRSpaces("邮 编 ： 223100 a  b") == "邮编：223100 a b")
    }

    /// The scalar-by-scalar definition the UTF-8 version follows.
    static func collapsingByScalars(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        var before: Unicode.Scalar?
        while index < scalars.count {
            guard ChineseText.isSpace(scalars[index]) else {
                before = scalars[index]
                result.append(scalars[index])
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, ChineseText.isSpace(scalars[end]) { end += 1 }
            if let before, !ChineseText.isCJK(before), end < scalars.count, !ChineseText.isCJK(scalars[end]) { result.append(" ") }
            index = end
        }
        return String(result)
    }

    @Test func runTogetherPageCutOnBytesAsByCharacters() {
        let page = "前言 \u{0C}一、总体情况内容，二、主动公开政府信息情况内容；三、收到和处理政府信息公开申请" + String(repeating: "文", count: 200)
        #expect(DocumentSplitter.simplePieces(of: page) == DocumentSplitter.characterPieces(of: page))
        #expect(DocumentSplitter.simplePieces(of: page)?.count == 4)
        #expect(DocumentSplitter.simplePieces(of: "一、总体情况") == nil)
    }

    @Test func longProsePrefilterSkipsOnlyLinesWithoutCandidates() {
        var skipped = 0
        for line in Self.allLines where SectionFinder.isLongProse(line) {
            skipped += 1
            #expect(SectionFinder.candidatesFromKey(at: 0, line).isEmpty, "\(line)")
        }
        #expect(skipped > 100)
        #expect(!SectionFinder.isLongProse("## 一、总体情况" + String(repeating: "文", count: 30)))
        #expect(!SectionFinder.isLongProse("第一部分 总体情况" + String(repeating: "文", count: 30)))
        #expect(!SectionFinder.isLongProse("其他需要报告的事项"))
    }

    @Test func contactCuesFindTheSameTextsAsTheirKeywordLists() {
        #expect(MetadataExtractor.contactCues.address == ["地址"])
        #expect(MetadataExtractor.contactCues.phone == ["电话"])
        #expect(MetadataExtractor.contactCues.email == ["电子邮件", "电子信箱", "邮箱", "E-mail", "e-mail", "Email", "email"])
        let lists = [
            (MetadataKeywords.address, MetadataExtractor.contactCues.address), (MetadataKeywords.postcode, MetadataExtractor.contactCues.postcode),
            (MetadataKeywords.email, MetadataExtractor.contactCues.email), (MetadataKeywords.phoneAndFax, MetadataExtractor.contactCues.phoneAndFax),
            (MetadataKeywords.phone, MetadataExtractor.contactCues.phone), (MetadataKeywords.fax, MetadataExtractor.contactCues.fax),
        ]
        for text in Self.realTexts + Self.allLines {
            for (keywords, cues) in lists {
                #expect(keywords.contains { TextSearch.contains(text, $0) } == cues.contains { TextSearch.contains(text, $0) })
            }
        }
    }

    @Test func runTogetherPrefilterSeesEveryNumberedComma() {
        #expect(DocumentSplitter.hasNumberedComma("前文一、总体情况"))
        #expect(DocumentSplitter.hasNumberedComma("\u{F9D1}、其他需要报告的事项"))
        #expect(!DocumentSplitter.hasNumberedComma("政策解读、回应关切、七、八"))
        // A page on one line that the prefilter lets through is still cut at its headings.
        let page = String(repeating: "本机关认真落实。", count: 30) + "一、总体情况内容。二、主动公开政府信息情况内容。"
        #expect(DocumentSplitter.lines(of: page, startLine: 1).count == 3)
    }

    @Test func sentenceEndsAndClausesMatchTheCharacterRules() {
        let sentence = "全年主动公开政府信息1,024条，其中（规章 3 件）；微信公众号发布2篇!其他"
        #expect(FigureExtractor.simpleSentences(Substring(sentence)) == FigureExtractor.sentences(Substring(sentence)))
        #expect(FigureExtractor.simpleClauses(sentence) == ["全年主动公开政府信息1,024条", "其中（规章 3 件）", "微信公众号发布2篇", "其他"])
        #expect(FigureExtractor.withoutAsides("其中（规章 3 件）共5条", simple: true) == "其中共5条")
        // U+037E is `;` to Character comparison, so it ends a sentence there too.
        #expect(FigureExtractor.sentences(Substring("甲\u{37E}乙")) == ["甲\u{37E}", "乙"])
    }
}
