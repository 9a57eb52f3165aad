import GongkaiModel

/// How a report's text was obtained, as the report page says it (visitors read Chinese).
enum ConversionText {
    static let methodLabel: [TextConversion.Method: String] = [
        .pdfText: "PDF文件的文本层",
        .ocr: "扫描件OCR识别",
        .word: "Word文档",
        .webPage: "网页",
    ]

    /// What the link to an original offers, by the original's extension (shown as the link's text).
    static let originalLabels: [String: String] = [
        "pdf": "PDF文件",
        "docx": "Word文档",
        "html": "原始网页（文本）",
        "htm": "原始网页（文本）",
    ]

    /// Originals the site must never serve as what they are: a saved web page opened from the
    /// site would run its scripts in the site's origin, so it is offered as text (`.html.txt`).
    static let servedAsText: Set<String> = ["html", "htm"]

    /// `originals/<id>.<ext>`: the file as published, copied into the site for download; a web
    /// page gets `.txt` after its own extension, so that every server and browser shows it as text.
    static func originalPath(_ report: Report) -> String? {
        guard let conversion = report.conversion, originalLabel(conversion) != nil else { return nil }
        let ext = originalExtension(conversion)
        return "originals/\(report.id).\(ext)" + (servedAsText.contains(ext) ? ".txt" : "")
    }

    /// What the link to the original offers (`原始网页（文本）`), nil for a file that is not copied.
    static func originalLabel(_ conversion: TextConversion) -> String? {
        originalLabels[originalExtension(conversion)]
    }

    private static func originalExtension(_ conversion: TextConversion) -> String {
        String(conversion.original.split(separator: ".").last ?? "").lowercased()
    }

    /// The report page's `report.conversion` (nil for a text file).
    static func context(_ report: Report, root: String, linksOriginal: Bool = true) -> ThemeContext.Conversion? {
        guard let conversion = report.conversion else { return nil }
        var context = ThemeContext.Conversion(
            methodLabel: methodLabel[conversion.method] ?? conversion.method.rawValue, tool: conversion.tool,
            originalName: String(conversion.original.split(separator: "/").last ?? ""), isOCR: conversion.method == .ocr,
            cellsRead: conversion.cellsRead, cellsUnknown: conversion.cellsUnknown)
        if linksOriginal, let path = originalPath(report) {
            context.originalHref = root + path
            context.originalLabel = originalLabel(conversion)
        }
        return context
    }
}
