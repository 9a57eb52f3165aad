import Foundation
@testable import GongkaiConvert
import GongkaiLoad
import GongkaiModel
import GongkaiParse

/// The scanned PDFs (image only, made by scripts/make-scans.py) and their text originals.
enum OCRScan: String, CaseIterable, Sendable {
    case hongze = "hongze-2023-scan.pdf"
    case jinjing = "jinjing-2022-scan.pdf"
    case yonghe = "yonghe-2022-scan.pdf"

    var url: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures/scans").appendingPathComponent(rawValue) }

    /// The text the scan was made from.
    var original: String {
        switch self {
        case .hongze: Fixture.hongze
        case .jinjing: Fixture.seedJinjing
        case .yonghe: Fixture.seedYonghe
        }
    }

    /// Each scan is read once per test run (OCR takes seconds a page) and shared by the tests.
    var converted: Result<ConvertedText, ConversionError> {
        switch self {
        case .hongze: OCRResults.hongze
        case .jinjing: OCRResults.jinjing
        case .yonghe: OCRResults.yonghe
        }
    }

    func read(settings: OCRSettings = .standard) -> Result<ConvertedText, ConversionError> {
        Result { () throws(ConversionError) in
            try ScannedPDFReader.read(pdfAt: url, path: "scans/\(rawValue)", tools: .onPath(), settings: settings)
        }
    }

    func parsed() throws -> (scan: Report, original: Report, conversion: TextConversion) {
        let converted = try converted.get()
        let scan = ReportParser.parse(try SourceLoader.load(bytes: Array(converted.text.utf8), path: "scans/\(rawValue).txt"))
        return (scan, try ParsedFixture.report(original), converted.conversion)
    }
}

private enum OCRResults {
    static let hongze = OCRScan.hongze.read()
    static let jinjing = OCRScan.jinjing.read()
    static let yonghe = OCRScan.yonghe.read()
}

/// How the cells of a scan's tables compare with the same cells parsed from the text original.
struct CellComparison: CustomStringConvertible {
    var right = 0, unknown = 0, wrong: [String] = []

    init(scan: Tables, original: Tables) {
        compare("二", scan.proactive?.allCells, original.proactive?.allCells)
        compare("三", scan.applications?.allCells, original.applications?.allCells)
        compare("四", scan.reviews?.allCells, original.reviews?.allCells)
    }

    private mutating func compare(_ table: String, _ scan: [Cell]?, _ original: [Cell]?) {
        let original = original ?? []
        let scan = scan ?? Array(repeating: .unknown, count: original.count)
        for (index, cell) in original.enumerated() {
            let read = index < scan.count ? scan[index] : .unknown
            if cell.isUnknown, read.isUnknown { continue }
            if read == cell { right += 1 } else if read.isUnknown { unknown += 1 } else { wrong.append("表\(table)[\(index)]: \(read.display) for \(cell.display)") }
        }
        if scan.count > original.count {
            for (index, read) in scan.enumerated().dropFirst(original.count) where !read.isUnknown {
                wrong.append("表\(table)[\(index)]: \(read.display), not in the original")
            }
        }
    }

    var description: String { "right \(right), unknown \(unknown), wrong \(wrong.count) \(wrong)" }
}

/// The number cells of a report's tables, row by row, straight from the text (no parser): the
/// ground truth the OCR's rows are compared with cell by cell, in order.
enum NumberRows {
    /// The original's rows: in a tab-separated table every number field; in `pdftotext -layout`
    /// text (sections 二 to 四 only) the numbers ending a line.
    static func original(_ text: String) -> [[String]] {
        let lines = text.components(separatedBy: "\n")
        if text.contains("\t") {
            return lines.filter { $0.contains("\t") }.map { $0.components(separatedBy: "\t").filter(isNumber) }.filter { !$0.isEmpty }
        }
        var inTables = false
        var rows: [[String]] = []
        for line in lines {
            if line.contains("二、主动公开政府信息情况") { inTables = true }
            if line.contains("五、存在的主要问题") { inTables = false }
            guard inTables else { continue }
            let tokens = line.split(whereSeparator: \.isWhitespace).map(String.init)
            let numbers = Array(tokens.reversed().prefix { isNumber($0) }.reversed())
            if !numbers.isEmpty { rows.append(numbers) }
        }
        return rows
    }

    /// The OCR's rows: the number and `[illegible]` fields of each tab-separated line.
    static func scanned(_ text: String) -> [[String]] {
        text.components(separatedBy: "\n").filter { $0.contains("\t") }
            .map { $0.components(separatedBy: "\t").filter { isNumber($0) || $0 == "[illegible]" } }
            .filter { !$0.isEmpty }
    }

    static func isNumber(_ field: String) -> Bool {
        let parts = field.split(separator: ".", omittingEmptySubsequences: false)
        return (1 ... 2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}

/// Cell-by-cell comparison of the OCR's number rows with the original's.
struct NumberCellComparison: CustomStringConvertible {
    var right = 0, unknown = 0, wrong: [String] = [], misaligned: [String] = []

    init(scan: [[String]], original: [[String]]) {
        if scan.count != original.count { misaligned.append("\(scan.count) rows read, \(original.count) printed") }
        for (index, (read, printed)) in zip(scan, original).enumerated() {
            guard read.count == printed.count else {
                misaligned.append("row \(index + 1): \(read) for \(printed)")
                continue
            }
            for (cell, truth) in zip(read, printed) {
                if cell == "[illegible]" { unknown += 1 } else if cell == truth { right += 1 } else { wrong.append("row \(index + 1): \(cell) for \(truth)") }
            }
        }
    }

    var total: Int { right + unknown + wrong.count }
    var description: String {
        "right \(right), unknown \(unknown), wrong \(wrong.count) \(wrong)" + (misaligned.isEmpty ? "" : ", misaligned \(misaligned)")
    }
}
