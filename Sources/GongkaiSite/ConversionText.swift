import GongkaiModel

/// How a report's text was obtained, as the report page says it (visitors read Chinese).
enum ConversionText {
    static let methodLabel: [TextConversion.Method: String] = [
        .pdfText: "PDF文件的文本层",
        .ocr: "扫描件OCR识别",
        .word: "Word文档",
        .webPage: "网页",
    ]

    /// `originals/<id>.<ext>`: the file as published, copied into the site for download.
    static func originalPath(_ report: Report) -> String? {
        guard let conversion = report.conversion else { return nil }
        let ext = String(conversion.original.split(separator: ".").last ?? "").lowercased()
        guard !ext.isEmpty, ext.count <= 5, ext.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return "originals/\(report.id).\(ext)"
    }

    /// The report page's `report.conversion` (nil for a text file).
    static func context(_ report: Report, root: String, linksOriginal: Bool = true) -> [String: Any]? {
        guard let conversion = report.conversion else { return nil }
        var context: [String: Any] = [
            "methodLabel": methodLabel[conversion.method] ?? conversion.method.rawValue,
            "tool": conversion.tool,
            "originalName": String(conversion.original.split(separator: "/").last ?? ""),
            "isOCR": conversion.method == .ocr,
        ]
        if linksOriginal, let path = originalPath(report) { context["originalHref"] = root + path }
        if let read = conversion.cellsRead { context["cellsRead"] = read }
        if let unknown = conversion.cellsUnknown { context["cellsUnknown"] = unknown }
        return context
    }
}
