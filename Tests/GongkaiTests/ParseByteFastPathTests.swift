import Foundation
@testable import GongkaiParse
import Testing

/// The byte-level fast paths added for issue #7 must give exactly what the definitions they
/// replace give, on every line of the real reports and on the tricky lines of ParseFastPathTests.
@Suite("Parse byte fast paths: same results as their definitions")
struct ParseByteFastPathTests {
    static let allLines = ParseFastPathTests.allLines

    /// `LabelText.normalize` scalar by scalar: half-width, whitespace dropped.
    static func normalizeByScalars(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let folded = LabelText.halfWidth(scalar)
            if !folded.properties.isWhitespace { result.append(folded) }
        }
        return String(result)
    }

    @Test func labelFormsOnBytesEqualTheScalarDefinition() {
        for line in Self.allLines {
            #expect(LabelText.normalize(line) == Self.normalizeByScalars(line))
            #expect(LabelText.halfWidth(line) == String(String.UnicodeScalarView(line.unicodeScalars.map(LabelText.halfWidth))))
        }
        #expect(LabelText.normalize("（七）总计　 21 ｜ 0") == "(七)总计21|0")
    }

    @Test func whitespaceTestEqualsTheUnicodeProperty() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(LabelText.isWhitespace(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
        #expect(LabelText.isWhitespace("\t") && LabelText.isWhitespace("\u{3000}") && !LabelText.isWhitespace("\u{1F}"))
    }

    @Test func headingNumberingOnScalarsEqualsCharacters() {
        for line in Self.allLines {
            let key = ChineseText.matchKey(line)
            guard SimpleText.isSimple(key) else { continue }
            let (bytes, characters) = (SectionFinder.simpleNumbering(key), SectionFinder.numbering(key))
            #expect(bytes?.numeral == characters?.numeral && bytes?.numbered == characters?.numbered && bytes?.rest == characters?.rest)
        }
        #expect(SectionFinder.simpleNumbering("三、收到和处理政府信息公开申请情况")?.numeral == 3)
        #expect(SectionFinder.simpleNumbering("七、本年度办理结果") == nil)
    }

    @Test func tableRowPrefilterSkipsOnlyLinesWithoutCandidates() {
        var skipped = 0
        for line in Self.allLines where SectionFinder.opensLikeTableRow(line) {
            skipped += 1
            #expect(SectionFinder.candidatesFromKey(at: 0, line).isEmpty, "\(line)")
        }
        #expect(skipped > 100)
        #expect(SectionFinder.opensLikeTableRow("1.属于国家秘密 0 0 0"))
        #expect(!SectionFinder.opensLikeTableRow("一、总体情况"))
    }

    @Test func patternsRunFromTheirFirstKeywordFindWhatTheWholePassageGives() {
        let patterns: [(NSRegularExpression, MetadataExtractor.ContactKeywords)] = [
            (MetadataExtractor.addressPattern, MetadataExtractor.contactKeywords.address),
            (MetadataExtractor.postcodePattern, MetadataExtractor.contactKeywords.postcode),
            (MetadataExtractor.emailPattern, MetadataExtractor.contactKeywords.email),
            (MetadataExtractor.phoneAndFaxPattern, MetadataExtractor.contactKeywords.phoneAndFax),
            (MetadataExtractor.phonePattern, MetadataExtractor.contactKeywords.phone),
            (MetadataExtractor.faxPattern, MetadataExtractor.contactKeywords.fax),
        ]
        var found = 0
        for text in ParseFastPathTests.realTexts {
            let passage = Passage(DocumentSplitter.lines(of: text, startLine: 1)[...])
            for (pattern, keywords) in patterns {
                let fast = passage.firstMatch(pattern, cues: keywords.cues, keywordLength: keywords.longest)
                let whole = passage.firstMatch(pattern)
                #expect(fast?.groups == whole?.groups && fast?.line == whole?.line)
                if whole != nil { found += 1 }
            }
            let period = passage.firstMatch(MetadataExtractor.periodPattern, cues: [Array("日".utf8)], keywordLength: 11)
            let wholePeriod = passage.firstMatch(MetadataExtractor.periodPattern)
            #expect(period?.groups == wholePeriod?.groups && period?.line == wholePeriod?.line)
        }
        #expect(found >= 20)
    }

    @Test func prefectureFoundWithoutARegex() throws {
        // 洪泽区人民政府 names no city; line 4 says 本报告由淮安市洪泽区人民政府办公室…
        let passage = Passage(DocumentSplitter.lines(of: Fixture.text(Fixture.hongze), startLine: 1)[...])
        let found = try #require(MetadataExtractor.prefecture(before: "洪泽区", in: passage) ?? nil)
        #expect(found.name == "淮安市")
        #expect(found.line == 4)
        let regex = Pattern.make(#"(\p{Han}{2}市)洪泽区"#)
        #expect(passage.firstMatch(regex)?.groups[1] == found.name)
        #expect(MetadataExtractor.certainlyHan("淮") == true)
        #expect(MetadataExtractor.certainlyHan("，") == false)
        #expect(MetadataExtractor.certainlyHan("々") == nil)  // Han, outside the certain blocks: the regex decides
    }

    @Test func digitRunsSegmentOnBytesAsByCharacters() {
        for blob in ["801000081", "200 000121", "35-15", "-3 4", "7730.28", "0\t0  12"] {
            #expect(DigitSplitter.asciiSegments(blob).map { String(decoding: $0, as: UTF8.self) } == DigitSplitter.segmentsOf(blob).map { String($0) })
        }
        #expect(DigitSplitter.split("４００", into: 3) { _ in true } == .splits([[4, 0, 0]]))
    }

    @Test func bodyMarkerPrefilterKeepsTheDefinition() {
        for line in Self.allLines + ["==================== 正文 ====================", "== 正 文 ==", "==正文==附件"] {
            let key = ChineseText.matchKey(line)
            let definition = key.hasPrefix("==") && key.hasSuffix("==") && key.trimmingCharacters(in: ["="]) == MetadataKeywords.webBodyMarker
            #expect(WebPageHeader.isBodyMarker(DocumentLine(number: 1, text: line)) == definition)
        }
        #expect(WebPageHeader.isBodyMarker(DocumentLine(number: 1, text: "==================== 正文 ====================")))
    }

    @Test func clausesAndSentencesOnBytesKeepThousands() {
        #expect(FigureExtractor.simpleClauses("共收到申请1,024件，办结1,000件") == ["共收到申请1,024件", "办结1,000件"])
        #expect(FigureExtractor.simpleSentences("主动公开36条。发布信息12条；其他") == ["主动公开36条。", "发布信息12条；", "其他"])
        #expect(SimpleText.pieces(of: "甲。乙。", separatedBy: Array("。".utf8)) == ["甲", "乙", ""])
    }
}
