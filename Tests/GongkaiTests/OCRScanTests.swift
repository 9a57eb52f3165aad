import Foundation
import Testing
@testable import GongkaiConvert
import GongkaiLoad
import GongkaiModel
import GongkaiParse

private let tesseractInstalled = OCRTools.onPath().tesseract != nil && OCRTools.onPath().pdftoppm != nil

/// Scanned PDFs (image only) read by OCR: every table cell is what the text original says or
/// unknown, never another number.
@Suite(.enabled(if: tesseractInstalled, "needs tesseract-ocr, tesseract-ocr-chi-sim and poppler-utils"))
struct OCRScanTests {
    @Test(arguments: OCRScan.allCases)
    func noCellIsWrong(scan: OCRScan) throws {
        let parsed = try scan.parsed()
        let comparison = CellComparison(scan: parsed.scan.tables, original: parsed.original.tables)
        #expect(comparison.wrong.isEmpty, "\(scan.rawValue): \(comparison)")
        #expect(comparison.right > comparison.unknown * 3, "\(scan.rawValue): \(comparison)")
    }

    /// Rows the OCR read completely parse exactly as in the text original (the check that does
    /// not depend on how the parser takes `[illegible]`).
    @Test(arguments: OCRScan.allCases)
    func fullyReadRowsMatchTheOriginal(scan: OCRScan) throws {
        let converted = try scan.converted.get()
        let complete = converted.text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.contains("[illegible]") ? "" : String($0) }.joined(separator: "\n")
        let report = ReportParser.parse(try SourceLoader.load(bytes: Array(complete.utf8), path: "scan.txt"))
        let original = try ParsedFixture.report(scan.original)
        let comparison = CellComparison(scan: report.tables, original: original.tables)
        #expect(comparison.wrong.isEmpty, "\(scan.rawValue): \(comparison)")
        #expect(comparison.right > 0)
    }

    @Test(arguments: OCRScan.allCases)
    func unknownCellsAreCounted(scan: OCRScan) throws {
        let converted = try scan.converted.get()
        let illegible = converted.text.components(separatedBy: "[illegible]").count - 1
        #expect(converted.conversion.method == .ocr)
        #expect(converted.conversion.original == "scans/\(scan.rawValue)")
        #expect(converted.conversion.tool.hasPrefix("tesseract "))
        #expect(converted.conversion.cellsUnknown == illegible)
        #expect((converted.conversion.cellsRead ?? 0) > 50)
    }

    @Test(arguments: OCRScan.allCases)
    func bodyAndYearAreFound(scan: OCRScan) throws {
        let parsed = try scan.parsed()
        #expect(parsed.scan.body != nil)
        #expect(parsed.scan.body == parsed.original.body)
        #expect(parsed.scan.year == (scan == .hongze ? 2023 : 2022))
    }

    /// Every number cell of the scan, row by row, is the printed number or unknown (compared with
    /// the original's rows directly, so the parser's handling of `[illegible]` does not enter).
    @Test(arguments: OCRScan.allCases)
    func numberCellsAreRightOrUnknown(scan: OCRScan) throws {
        let converted = try scan.converted.get()
        let printed = NumberRows.original(Fixture.text(scan.original))
        let comparison = NumberCellComparison(scan: NumberRows.scanned(converted.text), original: printed)
        #expect(comparison.wrong.isEmpty, "\(scan.rawValue): \(comparison)")
        #expect(comparison.right * 10 >= comparison.total * 8, "\(scan.rawValue): \(comparison)")
        // 永和镇's seed prints rows of six numbers in a seven-column table; elsewhere every row lines up.
        if scan != .yonghe { #expect(comparison.misaligned.isEmpty, "\(scan.rawValue): \(comparison)") }
        for (read, row) in zip(NumberRows.scanned(converted.text), printed) where read.count != row.count {
            #expect(read.allSatisfy { $0 == "[illegible]" || row.contains($0) }, "\(read) for \(row)")
        }
    }

    /// Values read by hand from the 洪泽区 PDF, found in the OCR's rows by their labels.
    @Test func hongzeRowsReadByHand() throws {
        let text = try OCRScan.hongze.converted.get().text
        #expect(Self.numbers(in: text, label: "行政许可") == ["550"])
        #expect(Self.numbers(in: text, label: "行政处") == ["4119"])
        #expect(Self.numbers(in: text, label: "行政强制") == ["195"])
        #expect(Self.numbers(in: text, label: "行政事业性收费") == ["7730.28"])
        #expect(Self.numbers(in: text, label: "行政规范性文件") == ["0", "5", "5"])
        #expect(Self.numbers(in: text, label: "一、本年新收") == ["21", "0", "0", "0", "0", "0", "21"])
        #expect(Self.numbers(in: text, label: "1.本机关不掌握") == ["10", "0", "0", "0", "0", "0", "10"])
        // 表四 as printed (its totals contradict their parts): 10, 1, 0, 0, 0 | 0 × 5 | 5, 0, 0, 0, 0.
        let review = NumberRows.scanned(text).last { $0.count == 15 }
        let printed = ["10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "5", "0", "0", "0", "0"]
        #expect(review.map { zip($0, printed).allSatisfy { $0 == $1 || $0 == "[illegible]" } } == true)
        #expect(review?.first == "10" && review?[10] == "5")
    }

    /// The numbers of the first OCR row whose label cell starts with `label`.
    static func numbers(in text: String, label: String) -> [String]? {
        text.components(separatedBy: "\n").first { line in
            line.contains("\t") && line.components(separatedBy: "\t").contains { $0.hasPrefix(label) }
        }.map { $0.components(separatedBy: "\t").filter { NumberRows.isNumber($0) || $0 == "[illegible]" } }
    }

    /// Values read by hand from the 洪泽区 PDF (../shared/reports/README.md; the printed 表四 does not add up).
    @Test func hongzeValuesReadByHand() throws {
        let report = try OCRScan.hongze.parsed().scan
        let proactive = try #require(report.tables.proactive)
        #expect(proactive[.licensing, .decisions] == .number(550))
        #expect(proactive[.penalties, .decisions] == .number(4119))
        #expect(proactive[.coercion, .decisions] == .number(195))
        #expect(proactive[.fees, .amount] == .number(7730.28))
        #expect(proactive[.normativeDocuments, .inForce] == .number(5))
        let applications = try #require(report.tables.applications)
        #expect(applications[.newReceived, .total] == .number(21))
        #expect(applications[.outcomeTotal, .total] == .number(21))
        #expect(applications[.unableNotHeld, .naturalPerson] == .number(10))
        #expect(applications[.unableNeedsCreation, .total] == .number(3))
        let reviews = try #require(report.tables.reviews)
        #expect(reviews[.reconsideration, .upheld] == .number(10))
        #expect(reviews[.lawsuitAfterReconsideration, .upheld] == .number(5))
    }

    /// 永和镇's seed prints 1 application (自然人) in a 新收 row whose 总计 says 0: the sum fails, so
    /// the 1 stands only if Tesseract was sure of it; a 0 or any other number there would be wrong.
    @Test func yongheValuesReadByHand() throws {
        let report = try OCRScan.yonghe.parsed().scan
        let applications = try #require(report.tables.applications)
        let newNatural = applications[.newReceived, .naturalPerson]
        #expect(newNatural == .number(1) || newNatural.isUnknown)
        #expect(applications[.carriedOver, .naturalPerson] == .number(0))
        #expect(applications[.carriedOver, .total] == .number(0))
        #expect(applications[.granted, .naturalPerson] == .number(0))
    }

    @Test func jinjingValuesReadByHand() throws {
        let report = try OCRScan.jinjing.parsed().scan
        let applications = try #require(report.tables.applications)
        #expect(applications[.newReceived, .total] == .number(0))
        #expect(applications[.outcomeTotal, .naturalPerson] == .number(0))
        let reviews = try #require(report.tables.reviews)
        #expect(reviews[.reconsideration, .total] == .number(0))
    }
}

/// Without Tesseract the report cannot be read, and the message says how to install it.
struct OCRMissingToolTests {
    private var pdf: URL { OCRScan.jinjing.url }

    @Test func missingTesseractNamesTheInstallCommand() {
        let tools = OCRTools(tesseract: "/nonexistent/bin/tesseract", pdftoppm: OCRTools.onPath().pdftoppm)
        #expect {
            try ScannedPDFReader.read(pdfAt: pdf, path: "scans/x.pdf", tools: tools, settings: .standard)
        } throws: { error in
            let error = error as? ConversionError
            return error?.path == "scans/x.pdf" && error?.message.contains("apt-get install tesseract-ocr tesseract-ocr-chi-sim") == true
        }
    }

    @Test func tesseractNotOnPathNamesTheInstallCommand() {
        #expect {
            try ScannedPDFReader.read(pdfAt: pdf, path: "scans/x.pdf", tools: OCRTools(tesseract: nil, pdftoppm: nil), settings: .standard)
        } throws: { error in
            (error as? ConversionError)?.message.contains("apt-get install tesseract-ocr tesseract-ocr-chi-sim") == true
        }
    }
}
