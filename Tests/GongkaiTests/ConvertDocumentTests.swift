import Foundation
import GongkaiConvert
import GongkaiLoad
import GongkaiModel
import GongkaiParse
import Testing

/// Every form (Word, PDF, saved web page) of each seed, and the real 洪泽区 PDF, parses to the
/// same model as its text original.
@Suite struct ConvertDocumentTests {
    @Test(arguments: DocumentFixture.pairs.map(\.document))
    func documentParsesLikeItsTextOriginal(document: String) throws {
        let original = try #require(DocumentFixture.pairs.first { $0.document == document }?.original)
        let converted = ReportEssence(try DocumentFixture.report(document))
        let text = ReportEssence(try ParsedFixture.report(original))
        #expect(converted == text)
        #expect(converted.applications?.isEmpty == false)
    }

    @Test func hongzePDFTextIsPdftotextsOutput() throws {
        let source = try ReportFileLoader.load(fileAt: DocumentFixture.url("hongze-2023.pdf"), path: "2023/hongze.pdf")
        #expect(source.text == Fixture.text(Fixture.hongze))
        let conversion = try #require(source.conversion)
        #expect(conversion.method == .pdfText)
        #expect(conversion.original == "2023/hongze.pdf")
        #expect(conversion.tool.hasPrefix("pdftotext -layout (poppler "))
    }

    /// Values read by hand from the 洪泽区 PDF's page 2 (表二), page 3 (表三), page 4 (表四) and
    /// its preamble, in the real PDF and in the Word file and web page made from it.
    @Test(arguments: ["hongze-2023.pdf", "hongze.docx", "hongze-page.html"])
    func hongzeValuesReadByHand(document: String) throws {
        let report = try DocumentFixture.report(document)
        #expect(report.body == "洪泽区人民政府")
        #expect(report.year == 2023)
        #expect(report.contact.phone == "0517-87222589")
        #expect(report.contact.email == "hzzwgk@126.com")
        #expect(report.contact.postcode == "223100")
        let proactive = try #require(report.tables.proactive)
        #expect(proactive[.normativeDocuments, .repealed] == .number(5))
        #expect(proactive[.licensing, .decisions] == .number(550))
        #expect(proactive[.penalties, .decisions] == .number(4119))
        #expect(proactive[.fees, .amount] == .number(7730.28))
        let applications = try #require(report.tables.applications)
        #expect(applications[.newReceived, .naturalPerson] == .number(21))
        #expect(applications[.newReceived, .total] == .number(21))
        #expect(applications[.partiallyGranted, .total] == .number(4))
        #expect(applications[.refusedStateSecret, .naturalPerson] == .number(1))
        #expect(applications[.unableNotHeld, .naturalPerson] == .number(10))
        #expect(applications[.unableNeedsCreation, .total] == .number(3))
        #expect(applications[.notHandledComplaint, .naturalPerson] == .number(1))
        #expect(applications[.outcomeTotal, .total] == .number(21))
        #expect(applications.otherHandling == .singleRow)
        let reviews = try #require(report.tables.reviews)
        #expect(reviews[.reconsideration, .upheld] == .number(10))
        #expect(reviews[.reconsideration, .corrected] == .number(1))
        #expect(reviews[.lawsuitAfterReconsideration, .upheld] == .number(5))
    }

    /// 金井镇: contact and issue from the preamble and the closing lines, in each form.
    @Test(arguments: ["jinjing.docx", "jinjing.pdf", "jinjing-page.html"])
    func jinjingValuesReadByHand(document: String) throws {
        let report = try DocumentFixture.report(document)
        #expect(report.body == "晋江市金井镇人民政府")
        #expect(report.year == 2022)
        #expect(report.contact.phone == "85381065")
        #expect(report.contact.email == "jjdzbyx@163.com")
        #expect(report.contact.postcode == "362251")
        #expect(report.issued.date == "2023-01-11")
        let proactive = try #require(report.tables.proactive)
        #expect(proactive[.regulations, .issued] == .number(0))
        #expect(report.tables.applications?[.newReceived, .total] == .number(0))
    }

    /// 永和镇: one application from a 自然人, refused as 三类内部事务信息; 表四 is missing (OCR damage).
    @Test(arguments: ["yonghe.docx", "yonghe.pdf", "yonghe-page-gbk.htm"])
    func yongheValuesReadByHand(document: String) throws {
        let report = try DocumentFixture.report(document)
        #expect(report.town == "永和镇")
        #expect(report.year == 2022)
        #expect(report.contact.phone == "0595-88082141")
        #expect(report.contact.postcode == "362235")
        #expect(report.contact.address == "晋江市永和镇锦石街27号")
        let applications = try #require(report.tables.applications)
        #expect(applications[.newReceived, .naturalPerson] == .number(1))
        #expect(applications[.refusedInternalAffairs, .naturalPerson] == .number(1))
        #expect(report.tables.reviews == nil)
    }

    @Test(arguments: [("jinjing.docx", TextConversion.Method.word), ("jinjing.pdf", .pdfText), ("yonghe-page-gbk.htm", .webPage),
                      ("hongze-2023.pdf", .pdfText)])
    func conversionSaysHowTheTextWasObtained(document: String, method: TextConversion.Method) throws {
        let report = try DocumentFixture.report(document)
        #expect(report.conversion?.method == method)
        #expect(report.conversion?.original == document)
    }
}
