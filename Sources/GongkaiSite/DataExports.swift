import Foundation
import GongkaiModel

/// CSV for Chinese users opens in Excel: UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting.
enum CSV {
    static func bytes(_ rows: [[String]]) -> [UInt8] {
        let text = rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    private static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// data/reports.json (every report as the export schema fixes) and data/reports.csv (key figures).
enum DataExports {
    /// Keys sorted: JSONEncoder on Linux does not keep a keyed container's order, so without
    /// sorting the same reports encode to different bytes on every build (and the file is rewritten).
    static func json(_ reports: [Report]) throws -> [UInt8] {
        let encoder = Report.jsonEncoder()
        encoder.outputFormatting.insert(.sortedKeys)
        return Array(try encoder.encode(reports))
    }

    /// The same bytes as `json`, written in pieces: each report encoded on its own (in parallel,
    /// a batch at a time) and indented as an element of the array, so the file of a whole
    /// province (25 KB per report) is never one string in memory.
    static func writeJSON(_ reports: [Report], to emit: ([UInt8]) throws -> Void) throws {
        guard !reports.isEmpty else { return try emit(json(reports)) }
        try emit(Array("[\n".utf8))
        let batch = 64
        for first in stride(from: 0, to: reports.count, by: batch) {
            let slice = Array(reports[first..<min(first + batch, reports.count)])
            let parts = ParallelMap.map(slice) { report in Result { try element(report) } }
            for (offset, part) in parts.enumerated() {
                if first + offset > 0 { try emit(Array(",\n".utf8)) }
                try emit(try part.get())
            }
        }
        try emit(Array("\n]".utf8))
    }

    /// One report as pretty-printed JSON indented by two spaces (strings hold no raw newline).
    private static func element(_ report: Report) throws -> [UInt8] {
        let encoder = Report.jsonEncoder()
        encoder.outputFormatting.insert(.sortedKeys)
        let bytes = try encoder.encode(report)
        var out: [UInt8] = [0x20, 0x20]
        out.reserveCapacity(bytes.count + bytes.count / 8)
        // An empty line (inside an empty array or object) stays unindented, as the encoder writes it.
        for (index, byte) in bytes.enumerated() {
            out.append(byte)
            if byte == 0x0A, index + 1 < bytes.count, bytes[index + 1] != 0x0A { out += [0x20, 0x20] }
        }
        return out
    }

    static func csv(_ reports: [Report]) -> [UInt8] {
        let header = ["id", "机关", "所在地", "乡镇/部门", "年度", "报告格式", "来源文件"] + KeyFigure.all.map(\.label) + ["警告（项）"]
        let rows = reports.map { report -> [String] in
            [report.id, report.body ?? "", report.city ?? "", report.town ?? "", report.year.map(String.init) ?? "",
             report.format?.rawValue ?? "", report.source]
                + KeyFigure.all.map { figure in csvValue(figure.value(report)) }
                + [String(report.findings.filter { $0.severity == .warning }.count)]
        }
        return CSV.bytes([header] + rows)
    }

    /// Unknown is an empty field in CSV, never 0.
    static func csvValue(_ cell: Cell) -> String { cell.isUnknown ? "" : cell.display }
}
