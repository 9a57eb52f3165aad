import GongkaiModel

/// Parsing diagnostics as the site's visitor reads them: `Diagnostic.message` is English (for the
/// CLI), so the site shows a Chinese description of the diagnostic's code, beside its line.
enum DiagnosticText {
    static let byCode: [String: String] = [
        "label.approximate": "表格标签与标准标签近似，按近似匹配读取",
        "label.unknown": "表格行标签无法识别，数字尽可能按位置归入",
        "row.short": "该行数字少于列数，缺失的单元格记为无法识别",
        "row.long": "该行数字多于列数，无法判断多出哪一个，整行记为无法识别",
        "row.duplicate": "该行重复出现，采用第一次出现的数字",
        "row.positional": "该行无标签，按其在前后行之间的位置归入",
        "row.unplaced": "无标签的数字无法归入任何一行，记为无法识别",
        "row.missing": "未找到该行，其单元格记为无法识别",
        "row.empty": "该行只有标签没有数字，其单元格记为无法识别",
        "row.unsplittable": "连在一起的数字无法拆分到各单元格，记为无法识别",
        "metadata.yearMismatch": "报告年度与统计期限不一致",
        "metadata.bodyFromText": "标题未写明机关名称，机关名称取自正文",
        "metadata.bodyUnknown": "标题、正文和落款均未写明机关名称，可在文件开头的 front matter 中以 body: 写明",
        "metadata.yearFromText": "标题和统计期限均未写明年度，年度取自正文中出现最多的年份",
        "section.inferred": "“五、存在的主要问题及改进情况”没有标题，按内容推定其起始位置",
        "section.missing": "未找到该部分",
        "section.outOfOrder": "该部分顺序与标准格式不符",
        "section.numbering": "标题序号与所在部分不符，按顺序读取",
        "section.numeralMissing": "标题没有序号，按顺序读取",
        "section.headingVariant": "标题与标准标题不完全一致，按近似匹配读取",
        "text.manyHeadings": "文件中的标题数量异常多（一般报告不超过50个），已在全部标题中查找六个部分",
        "convert.note": "转换原件时作了处理（如网页声明的编码与实际不符、扫描件的表格或部分单元格未能可靠识别），请对照原件核对",
        "text.deepNesting": "列表或引用的嵌套层级异常深，按原文显示",
    ]

    /// Codes whose message quotes, in 「」, the Chinese heading or name concerned: it is shown after the description.
    static let quotesSubject: Set<String> = [
        "section.missing", "section.outOfOrder", "section.numbering", "section.numeralMissing", "section.headingVariant",
        "metadata.bodyFromText",
    ]

    /// The Chinese description of `diagnostic`; an unlisted code gets a generic description, never the English message.
    static func describe(_ diagnostic: Diagnostic) -> String {
        let description = byCode[diagnostic.code] ?? "解析时作了处理，请核对原文"
        guard quotesSubject.contains(diagnostic.code), let subject = firstQuote(diagnostic.message) else { return description }
        return "\(description)：「\(subject)」"
    }

    /// The text of the first 「…」 in `message`, if any.
    static func firstQuote(_ message: String) -> String? {
        guard let open = message.firstIndex(of: "「"), let close = message[open...].firstIndex(of: "」") else { return nil }
        let quoted = message[message.index(after: open)..<close]
        return quoted.isEmpty ? nil : String(quoted)
    }
}
