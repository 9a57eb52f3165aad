import GongkaiModel

/// A table printed with its labels but with every value cell blank (a web page that lost its
/// numbers): the table is there, its cells unknown — never "missing 表三".
enum BlankTable {
    /// At least this many of the table's row labels must be printed.
    static let minimumRows = 3

    /// Header words of each table, one of which must be printed with the row labels.
    static let proactiveHeaders = ["信息内容"]
    static let applicationHeaders = ["申请人情况", "自然人"]

    static func isPrinted<Row>(_ lines: TableLines, rows: [RowKeys<Row>], headers: [String]) -> Bool {
        let text = lines.joinedLabelBytes
        guard headers.contains(where: { TextSearch.contains(text, Array($0.utf8)) }) else { return false }
        return rows.count { $0.isNamed(in: text) } >= minimumRows
    }

    /// 表四's header: both groups and the result columns.
    static let reviewHeaders = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结"]

    static func isPrintedReviews(_ lines: TableLines) -> Bool {
        let text = lines.joinedLabelBytes
        return reviewHeaders.allSatisfy { TextSearch.contains(text, Array($0.utf8)) }
    }

    static func diagnostic(_ table: String, line: Int?) -> Diagnostic {
        Diagnostic(line: line, severity: .warning, code: "table.blank",
                   message: "\(table) is printed with its labels but no numbers: every cell unknown")
    }
}
