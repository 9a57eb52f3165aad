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
