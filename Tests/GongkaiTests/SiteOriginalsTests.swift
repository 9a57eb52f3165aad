import Foundation
import GongkaiModel
import GongkaiParse
import Testing
@testable import GongkaiSite

/// A report read from a PDF, Word file or web page: its page says how the text was obtained and
/// links to the original, copied into the site; a scan read by OCR is flagged.
@Suite struct SiteOriginalsTests {
    @Test func wordAndPDFOriginalsAreCopiedAndNamed() throws {
        let folder = try ConvertPipelineTests.Folder(["2022/金井 镇.docx": "jinjing.docx", "2023/hongze.pdf": "hongze-2023.pdf"])
        defer { folder.remove() }
        let site = try SiteBuilder(contentDirectory: folder.content, themeDirectory: nil, outputDirectory: folder.root.appendingPathComponent("public")).generate()
        #expect(site.summary.reportsRead == 2 && site.summary.skipped.isEmpty)

        #expect(site.files["originals/jinjiang-jinjing-2022.docx"] == (try DocumentFixture.bytes("jinjing.docx")))
        #expect(site.files["originals/huaian-hongze-2023.pdf"] == (try DocumentFixture.bytes("hongze-2023.pdf")))
        let word = String(decoding: try #require(site.files["reports/jinjiang-jinjing-2022.html"]), as: UTF8.self)
        #expect(word.contains("以下文本取自Word文档"))
        #expect(word.contains(#"<a href="../originals/jinjiang-jinjing-2022.docx" download>Word文档 金井 镇.docx</a>"#))
        #expect(!word.contains("OCR识别"))
        let pdf = String(decoding: try #require(site.files["reports/huaian-hongze-2023.html"]), as: UTF8.self)
        #expect(pdf.contains("以下文本取自PDF文件的文本层（pdftotext -layout"))
        #expect(pdf.contains(#"<a href="../originals/huaian-hongze-2023.pdf" download>PDF文件 hongze.pdf</a>"#))
    }

    @Test func scanReadByOCRIsFlaggedWithItsUnknownCells() throws {
        var report = ReportParser.parse(.init(path: "2023/hongze.pdf", text: Fixture.text(Fixture.hongze)))
        report.id = "huaian-hongze-2023"
        report.conversion = TextConversion(method: .ocr, tool: "tesseract 5.3.0", original: "2023/hongze.pdf", cellsRead: 181, cellsUnknown: 5)
        let site = try SiteBuilder(contentDirectory: URL(fileURLWithPath: "/nonexistent"), themeDirectory: nil, outputDirectory: URL(fileURLWithPath: "/nonexistent"))
            .assemble(reports: [report], theme: try Theme.load(overridesIn: nil))
        let page = String(decoding: try #require(site.files["reports/huaian-hongze-2023.html"]), as: UTF8.self)
        #expect(page.contains(">OCR识别</span></h1>"))
        #expect(page.contains("以下文本取自扫描件OCR识别（tesseract 5.3.0）"))
        #expect(page.contains("共181格，其中5格识别把握不足，记为无法识别"))
        #expect(site.files["originals/huaian-hongze-2023.pdf"] == nil, "without a content folder there is nothing to copy")
    }
}
