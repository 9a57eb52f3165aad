import Foundation
import Testing
@testable import GongkaiConvert
import GongkaiLoad
import GongkaiModel
import GongkaiParse

/// Measures the OCR settings on the scans (set GONGKAI_OCR_MEASURE=1; prints, asserts nothing
/// beyond the conversion succeeding): the figures behind the choices in OCRSettings.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["GONGKAI_OCR_MEASURE"] != nil))
struct OCRMeasurementTests {
    @Test func measureSettings() throws {
        let environment = ProcessInfo.processInfo.environment
        var settings = OCRSettings.standard
        if let dpi = environment["OCR_DPI"].flatMap(Int.init) { settings.dpi = dpi }
        if let psm = environment["OCR_NUMBER_PSM"].flatMap(Int.init) { settings.numberMode.pageSegmentation = psm }
        if let language = environment["OCR_NUMBER_LANG"] { settings.numberMode.language = language }
        if let language = environment["OCR_FALLBACK_LANG"] { settings.fallbackNumberMode.language = language }
        if let psm = environment["OCR_FALLBACK_PSM"].flatMap(Int.init) { settings.fallbackNumberMode.pageSegmentation = psm }
        if let psm = environment["OCR_TEXT_PSM"].flatMap(Int.init) { settings.textMode.pageSegmentation = psm }
        if let accept = environment["OCR_ACCEPT"].flatMap(Double.init) { settings.acceptConfidence = accept }
        if let sure = environment["OCR_SURE"].flatMap(Double.init) { settings.sureConfidence = sure }
        let scans = environment["OCR_SCANS"].map { $0.split(separator: ",").compactMap { OCRScan(rawValue: String($0)) } } ?? OCRScan.allCases
        for scan in scans {
            let start = Date()
            let converted = try scan.read(settings: settings).get()
            let seconds = Date().timeIntervalSince(start)
            if let dump = environment["OCR_DUMP"] { try converted.text.write(toFile: dump + "-" + scan.rawValue + ".txt", atomically: true, encoding: .utf8) }
            let report = ReportParser.parse(try SourceLoader.load(bytes: Array(converted.text.utf8), path: "scan.txt"))
            let original = try ParsedFixture.report(scan.original)
            let comparison = CellComparison(scan: report.tables, original: original.tables)
            let cells = NumberCellComparison(scan: NumberRows.scanned(converted.text), original: NumberRows.original(Fixture.text(scan.original)))
            print("OCR cells \(scan.rawValue): \(cells)")
            print("OCR \(scan.rawValue) dpi \(settings.dpi) numbers \(settings.numberMode.summary) text \(settings.textMode.summary) "
                + "accept \(settings.acceptConfidence): \(comparison); cellsRead \(converted.conversion.cellsRead ?? -1) "
                + "unknown \(converted.conversion.cellsUnknown ?? -1); body \(report.body ?? "nil") year \(report.year.map(String.init) ?? "nil"); "
                + String(format: "%.1f s", seconds))
        }
    }
}
