import Foundation
@testable import GongkaiParse
import GongkaiModel
import Testing

/// Shortcuts that skip work when its result is already known (issue #7) must skip only where
/// the full work finds nothing, on the real reports and on the lines where bytes and Characters differ.
@Suite("Parse shortcuts: skip only what finds nothing")
struct ParseShortcutTests {
    /// Every real report's lines, and each line of ParseFastPathTests on its own.
    static var documents: [[DocumentLine]] {
        ParseFastPathTests.realTexts.map { DocumentSplitter.lines(of: $0, startLine: 1) }
            + ParseFastPathTests.trickyLines.map { [DocumentLine(number: 1, text: $0)] }
    }

    @Test func placeSearchSkipsOnlyPassagesWithoutTheKey() {
        var held = 0
        for lines in Self.documents {
            let passage = Passage(lines[...])
            // keys of two to four ideographs after 市, taken from the text itself and made up
            var keys = ["市洪泽区", "市华阳县", "市金井镇", "市 永和镇", "市\n"]
            let scalars = Array(passage.text.unicodeScalars)
            for index in scalars.indices where scalars[index] == "市" && index + 3 < scalars.count {
                keys.append(String(String.UnicodeScalarView(scalars[index...(index + 3)])))
            }
            for key in keys {
                let found = TextSearch.contains(passage.text, key)
                if found { held += 1 }
                if MetadataExtractor.surelyLacks(key, lines[...]) { #expect(!found, "\(key)") }
            }
        }
        #expect(held >= 10)
        // 洪泽区人民政府 names no city; line 4 of the Hongze report says 淮安市洪泽区人民政府办公室
        let hongze = DocumentSplitter.lines(of: Fixture.text(Fixture.hongze), startLine: 1)
        #expect(!MetadataExtractor.surelyLacks("市洪泽区", hongze[...]))
        #expect(MetadataExtractor.surelyLacks("市金井镇", hongze[...]))
        // spaces (OCR) and a line break between 市 and the place: the passage joins them
        let spaced = [DocumentLine(number: 1, text: "淮安 市\u{3000}洪 泽"), DocumentLine(number: 2, text: "\t区人民政府")]
        #expect(Passage(spaced[...]).text.contains("市洪泽区"))
        #expect(!MetadataExtractor.surelyLacks("市洪泽区", spaced[...]))
        // a key with a space of its own is never skipped
        #expect(!MetadataExtractor.surelyLacks("市 X", [DocumentLine(number: 1, text: "甲")][...]))
    }

    @Test func cityFromThePreambleStillFound() throws {
        let report = try ParsedFixture.report(Fixture.hongze)
        #expect(report.city == "淮安市")
        #expect(report.county == "洪泽区")
    }

    @Test func headerPreselectionKeepsEveryHeaderLine() {
        let header = TableLabelCatalog.proactiveHeader
        for line in ParseFastPathTests.allLines + ["信息内容 本年制发件数", "\u{F9D1}信息内容", "信息内容\u{301}"] {
            let bytes = LabelText.normalizeToBytes(line)
            let definition = String(decoding: bytes, as: UTF8.self).hasPrefix(header)
            if definition {
                #expect(bytes.starts(with: ProactiveHeaderCheck.headerBytes) || ProactiveHeaderCheck.mayHoldCompatibilityIdeograph(bytes))
            }
        }
        #expect(ProactiveHeaderCheck.mayHoldCompatibilityIdeograph(Array("\u{F9D1}".utf8)))
        #expect(!ProactiveHeaderCheck.mayHoldCompatibilityIdeograph(Array("信息内容（）".utf8)))
    }

    @Test func headerLabelsMadeOncePerFormatAreTheFormatsLabels() {
        for format in ReportFormat.allCases {
            let made = format == .f2019 ? ProactiveHeaderCheck.headers2019 : ProactiveHeaderCheck.headers2021
            #expect(made.labels == ProactiveHeaderCheck.columnLabels(format))
            #expect(made.entries.map(\.row) == ProactiveHeaderCheck.columnLabels(format).sorted())
        }
        #expect(ProactiveHeaderCheck.headers2021.labels.contains("本年废止件数"))
    }

    @Test func titleScalarsCountedAmongThoseOfAnyTitle() {
        var counted = 0
        for line in ParseFastPathTests.allLines {
            let scalars = SectionFinder.scalars(of: Substring(ChineseText.matchKey(line)).prefix(40))
            let titled = scalars.filter(SectionHeadingVariants.anyTitleScalars.contains)
            let counts = SectionHeadingVariants.titleScalarCounts(scalars)
            for entry in SectionHeadingVariants.titleEntries {
                let inSection = scalars.count(where: entry.bits.contains)
                #expect(titled.count(where: entry.bits.contains) == inSection)
                #expect(Int(counts[entry.section - 1]) == inSection)
                counted += inSection
            }
        }
        #expect(counted > 1000)
        #expect(SectionHeadingVariants.anyTitleScalars.contains("况") && !SectionHeadingVariants.anyTitleScalars.contains("镇"))
        // 总体情况 (一), 主动公开政府信息情况 (二): 况 is in both, 总 in 一 only, 镇 in none
        let counts = SectionHeadingVariants.titleScalarCounts(["况", "总", "镇", "😀"])
        #expect(counts[0] == 2 && counts[1] >= 1)
    }

    @Test func streamTextDropsWhitespaceAndKeepsWhereItStood() {
        let stream = StreamText("本年新收\u{3000}8 0\t1（七）总计\u{A0}2")
        #expect(String(String.UnicodeScalarView(stream.chars)) == "本年新收801(七)总计2")
        #expect(stream.spaceBefore == [false, false, false, false, true, true, true, false, false, false, false, false, true])
    }
}
