import Foundation
import GongkaiModel

/// CSV for Chinese users opens in Excel: UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting.
enum CSV {
    static func bytes(_ rows: [[String]]) -> [UInt8] {
        var csv = CSVWriter(capacity: 4_096)
        for row in rows { csv.row(row) }
        if rows.isEmpty { csv.endRow() }
        return csv.bytes
    }

    /// One row's fields, quoted as `bytes` quotes them, without the line break.
    static func line(_ row: [String]) -> String {
        var csv = CSVWriter(capacity: 256)
        for value in row { csv.field(value) }
        return String(decoding: csv.bytes.dropFirst(3), as: UTF8.self)
    }
}

/// data/reports.json (every report as the export schema fixes) and data/reports.csv (key figures).
enum DataExports {
    /// The whole file at once (tests, small sites): the same bytes as `writeJSON`.
    static func json(_ reports: [Report]) -> [UInt8] {
        var bytes: [UInt8] = []
        writeJSON(reports) { bytes += $0 }
        return bytes
    }

    /// An array with one compact report per line (`[`, then `element`s joined by `,` and a
    /// newline, then `]`), emitted in pieces: each report written on its own (in parallel, a batch at
    /// a time), so the file of a whole province is never one string in memory, and a report's
    /// line can be spliced in or out of the previous file.
    static func writeJSON(_ reports: [Report], to emit: ([UInt8]) throws -> Void) rethrows {
        guard !reports.isEmpty else { return try emit(Array("[]".utf8)) }
        try emit(Array("[\n".utf8))
        let batch = 64
        for first in stride(from: 0, to: reports.count, by: batch) {
            let slice = Array(reports[first..<min(first + batch, reports.count)])
            let parts = ParallelMap.map(slice, element)
            for (offset, part) in parts.enumerated() {
                if first + offset > 0 { try emit(Array(",\n".utf8)) }
                try emit(part)
            }
        }
        try emit(Array("\n]".utf8))
    }

    /// One report as compact JSON with sorted keys (no newline inside: strings escape theirs).
    /// The same JSON value as `Report`'s `Encodable` conformance, written without JSONEncoder.
    static func element(_ report: Report) -> [UInt8] {
        ReportJSON.bytes(report)
    }

    static func csv(_ reports: [Report]) -> [UInt8] { csv(reports, deferred: nil) }

    /// `deferred`: the rows kept in the report cache, and the details of reports that have none there.
    /// `kept`: the rows of the reports the report cache has none for (a duplicate carries a finding its
    /// cached form lacks) as the last build made them, by digest and id, with each report's digest.
    static func csv(_ reports: [Report], deferred: DeferredReports?, kept: (rows: KeptFragments, digests: [String: String])? = nil) -> [UInt8] {
        let previous = kept?.rows.load() ?? [:]
        var next: [(key: String, fields: [String])] = []
        var made = false
        let header = ["id", "机关", "机关类型", "所在市", "所在县（区）", "乡镇（街道）", "年度", "报告格式", "来源文件"] + KeyFigure.all.map(\.label) + ["警告（项）"]
            + ReportRates.definitions.map { $0.name + "（%）" }
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes.reserveCapacity(4_096 + reports.count * 200)
        bytes += CSV.line(header).utf8
        // By index: `for report in` copied every report (a retain of each of its fields).
        reports.withUnsafeBufferPointer { reports in
            for index in reports.indices {
                bytes.append(0x0D)
                bytes.append(0x0A)
                if let row = deferred?.row(reports[index].id) {
                    bytes += row.utf8
                    continue
                }
                let key = kept?.digests[reports[index].id].map { $0 + "\0" + reports[index].id }
                if let key, let row = previous[key]?.first {
                    bytes += row.utf8
                    next.append((key: key, fields: [row]))
                    continue
                }
                let row = csvRow(deferred?.whole(reports[index]) ?? reports[index])
                bytes += row.utf8
                if let key { next.append((key: key, fields: [row])) }
                made = true
            }
        }
        bytes += [0x0D, 0x0A]
        if let kept, made || next.count != previous.count { kept.rows.save(next) }
        return bytes
    }

    /// One report's line of `data/reports.csv`, without its line break.
    static func csvRow(_ report: Report) -> String {
        CSV.line([report.id, report.body ?? "", report.kind?.label ?? "", report.city ?? "", report.county ?? "", report.town ?? "",
                  report.year.map(String.init) ?? "",
                  report.format?.rawValue ?? "", report.source]
            + KeyFigure.all.map { figure in csvValue(figure.value(report)) }
            + [String(Labels.count(report.findings, .warning))]
            + ReportRates.definitions.map { csvRate(RateResult($0, report: report)) })
    }

    /// A rate in percent with one decimal; empty when unknown, "—" when its denominator is 0.
    static func csvRate(_ result: RateResult) -> String {
        switch result.value {
        case .known(let fraction): BarChart.oneDecimal(fraction * 100)
        case .notApplicable: "—"
        case .unknown: ""
        }
    }

    /// Unknown is an empty field in CSV, never 0.
    static func csvValue(_ cell: Cell) -> String { cell.isUnknown ? "" : cell.display }
}
