import Foundation
import Testing
@testable import GongkaiConvert

/// PDF text layers: scans told apart, row labels wrapped around their numbers rejoined.
@Suite struct ConvertPDFTests {
    /// As pdftotext -layout prints a row of 表三 whose label cell wraps (the 永和镇 PDF made by LibreOffice).
    @Test func labelWrappedAroundItsNumbersIsRejoined() {
        let text = [
            "一、本年新收政府信息公",
            "                                           1            0      0   0      0          0 0",
            "开申请数量",
            "                  (一) 予以公开                 0            0      0   0      0          0 0",
        ].joined(separator: "\n")
        let lines = WrappedLabelRepair.repair(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 4)  // line numbers kept: the freed lines are blank
        #expect(lines[0] == "一、本年新收政府信息公开申请数量" + String(repeating: " ", count: 27) + "1            0      0   0      0          0 0")
        #expect(lines[1].isEmpty && lines[2].isEmpty)
        #expect(lines[3] == "                  (一) 予以公开                 0            0      0   0      0          0 0")
    }

    /// The shapes the real 洪泽区 PDF has (label continued before its numbers; a section heading
    /// before numbers) are left alone: its text comes out exactly as pdftotext printed it.
    @Test func otherShapesAreLeftAlone() {
        let wrappedFirst = "        （二）部分公开（区分处理的，只计这一情 形，不\n        计其他情形）\n                    4    0      0     0   0   0     4"
        #expect(WrappedLabelRepair.repair(wrappedFirst) == wrappedFirst)
        let differentIndent = "规章\n        0   0   0\n    行政规范性文件"
        #expect(WrappedLabelRepair.repair(differentIndent) == differentIndent)
        let hongze = Fixture.text(Fixture.hongze)
        #expect(WrappedLabelRepair.repair(hongze) == hongze)
    }

    @Test func scanIsToldApartFromText() {
        #expect(PDFTextConverter.TextLayer("\u{0C}\u{0C}\u{0C}").isScan)
        #expect(PDFTextConverter.TextLayer("  -1-  \u{0C}   \u{0C}").isScan)
        let page = String(repeating: "本报告由淮安市洪泽区人民政府办公室根据条例编制。\n", count: 5)
        let layer = PDFTextConverter.TextLayer(page + "\u{0C}  -2-\u{0C}" + page + "\u{0C}")
        #expect(!layer.isScan)
        #expect(layer.pages == 3)
        #expect(layer.emptyPages == [2])
    }

    /// A PDF without a text layer is not read as an empty report by poppler: it goes to OCR, which
    /// finds nothing on the blank page and refuses it (never an empty report).
    @Test func pdfWithoutTextLayerGoesToOCR() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("scan.pdf")
        try Data(ConvertPipelineTests.blankPDF.utf8).write(to: url)
        let error = #expect(throws: ConversionError.self) {
            try ToolBudget.within(folder, path: "2022/scan.pdf") { budget throws(ConversionError) in
                try PDFTextConverter.convert(pdfAt: url, path: "2022/scan.pdf", budget: budget)
            }
        }
        #expect(error?.path == "2022/scan.pdf")
        // Without Tesseract the scan is refused with the command that installs it.
        let messages = ["no text was read on the scanned page (blank?); nothing to publish",
                        "Tesseract with its Simplified Chinese model is needed to read this scanned PDF; install it with: apt-get install tesseract-ocr tesseract-ocr-chi-sim"]
        #expect(messages.contains(error?.message ?? ""), "\(error?.message ?? "")")
    }
}
