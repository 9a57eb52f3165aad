import Foundation
import GongkaiModel

/// A PDF's text layer through poppler's `pdftotext -layout`: the layout keeps table columns
/// aligned with spaces, which the parser's column recovery reads.
enum PDFTextConverter {
    static let toolName = "pdftotext"
    static let install = "apt-get install poppler-utils"
    /// Below this many letters and digits per page on average the PDF is taken for a scan.
    static let scanThreshold = 20

    /// `budget`: the time all the tools reading this PDF share, and their scratch folder.
    static func convert(pdfAt url: URL, path: String, budget: ToolBudget) throws(ConversionError) -> ConvertedText {
        guard let header = try? FileHandle(forReadingFrom: url).read(upToCount: 1024), header.count > 0 else {
            throw ConversionError(path: path, message: "cannot read the file")
        }
        guard header.range(of: Data("%PDF-".utf8)) != nil else {
            throw ConversionError(path: path, message: "the file is not a PDF (no %PDF- header); it may be damaged or misnamed")
        }
        guard let tool = ExternalTool.find(toolName) else {
            throw ConversionError(path: path, message: "cannot read the PDF: poppler's pdftotext is not installed (install it with `\(install)`)")
        }
        let run: ExternalTool.Run
        do {
            run = try ExternalTool.run(tool, arguments: ["-layout", "-enc", "UTF-8", url.path, "-"], budget: budget)
        } catch {
            throw ConversionError(path: path, message: "cannot run \(tool.path): \(error.localizedDescription)")
        }
        if run.timedOut { throw budget.timeout(path, tool: toolName) }
        guard run.status == 0 else {
            throw ConversionError(path: path, message: "not a readable PDF (pdftotext: \(run.reason))")
        }
        let text = String(decoding: run.output, as: UTF8.self)
        let layer = TextLayer(text)
        // A scan: its pages are read by Tesseract, table cells one by one (OCR/).
        guard !layer.isScan else { return try ScannedPDFReader.read(pdfAt: url, path: path, budget: budget) }
        let conversion = TextConversion(method: .pdfText, tool: "pdftotext -layout (poppler \(version))", original: path)
        let notes = layer.emptyPages.isEmpty ? [] : ["\(path): pages without a text layer (scanned?): \(layer.emptyPages.map(String.init).joined(separator: ", "))"]
        return ConvertedText(text: WrappedLabelRepair.repair(text), conversion: conversion, notes: notes)
    }

    /// poppler's version, as `pdftotext -v` prints it (asked once per process).
    static let version: String = {
        guard let tool = ExternalTool.find(toolName), let printed = OCRTools.run(tool.path, ["-v"]) else { return "unknown version" }
        let line = printed.split(separator: "\n").first { $0.contains("version") } ?? ""
        return line.split(separator: " ").last.map(String.init) ?? "unknown version"
    }()

    /// How much text each page (pdftotext ends every page with a form feed) carries.
    struct TextLayer {
        var pages: Int
        var emptyPages: [Int]
        var isScan: Bool

        init(_ text: String) {
            var counts = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map { page in
                page.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.count
            }
            if counts.count > 1, counts.last == 0 { counts.removeLast() }  // after the last form feed
            pages = max(counts.count, 1)
            emptyPages = counts.enumerated().filter { $0.element < PDFTextConverter.scanThreshold }.map { $0.offset + 1 }
            isScan = counts.reduce(0, +) < PDFTextConverter.scanThreshold * pages
        }
    }
}
