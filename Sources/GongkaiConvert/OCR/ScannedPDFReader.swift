import Foundation
import GongkaiModel

/// Reads a scanned PDF (pages that are only images) with Tesseract.
///
/// Whole-page OCR of a ruled table is unusable, so each page is cut up first: the table's ruling
/// lines are found in the image, each cell is read on its own (numbers with digits only), and the
/// tables' sums reject misreadings. A number not read with confidence is `[illegible]`, never a guess.
///
/// Before any page is rendered, `pdfinfo` gives the page count and sizes: a scan of more pages
/// than `ConversionLimits.maxScannedPages`, or a page above `maxPagePixels` at the OCR resolution,
/// is refused. Pages are rendered one at a time into the budget's scratch folder, and every tool
/// shares the file's one time limit.
public enum ScannedPDFReader {
    /// Reads within a budget of its own, its scratch files in the system's temporary folder.
    public static func read(pdfAt url: URL, path: String) throws(ConversionError) -> ConvertedText {
        try ToolBudget.within(FileManager.default.temporaryDirectory, path: path) { budget throws(ConversionError) in
            try read(pdfAt: url, path: path, budget: budget)
        }
    }

    public static func read(pdfAt url: URL, path: String, budget: ToolBudget) throws(ConversionError) -> ConvertedText {
        try read(pdfAt: url, path: path, tools: .onPath(), settings: .standard, budget: budget)
    }

    static func read(pdfAt url: URL, path: String, tools: OCRTools, settings: OCRSettings) throws(ConversionError) -> ConvertedText {
        try ToolBudget.within(FileManager.default.temporaryDirectory, path: path) { budget throws(ConversionError) in
            try read(pdfAt: url, path: path, tools: tools, settings: settings, budget: budget)
        }
    }

    static func read(
        pdfAt url: URL, path: String, tools: OCRTools, settings: OCRSettings, budget: ToolBudget
    ) throws(ConversionError) -> ConvertedText {
        let missing = "Tesseract with its Simplified Chinese model is needed to read this scanned PDF; install it with: \(OCRTools.installTesseract)"
        guard let tesseract = tools.tesseract, let info = OCRTools.tesseractInfo(tesseract), info.hasChinese else {
            throw ConversionError(path: path, message: missing)
        }
        guard let pdftoppm = tools.pdftoppm, let pdfinfo = tools.pdfinfo else {
            throw ConversionError(path: path, message: "pdftoppm and pdfinfo are needed to render the scanned pages; install them with: \(OCRTools.installPoppler)")
        }
        let sizes = try PageSizes.inspect(url, path: path, tool: URL(fileURLWithPath: pdfinfo), budget: budget)
        try sizes.check(dpi: settings.dpi, path: path)
        let renderer = PageRenderer(executable: pdftoppm, dpi: settings.dpi)
        var document = ScannedDocument(settings: settings, directory: budget.scratch)
        let text = try document.read(pageCount: sizes.pages.count, render: { page throws(ConversionError) in
            try renderer.render(url, page: page, into: budget.scratch, path: path, budget: budget)
        }, tesseract: tesseract, budget: budget, path: path)
        let tool = "\(info.version) (\(settings.textMode.language), numbers \(settings.numberMode.language) digits only, "
            + "cells read one by one at \(settings.dpi) dpi), pdftoppm"
        let conversion = TextConversion(method: .ocr, tool: tool, original: path,
                                        cellsRead: document.cellsRead, cellsUnknown: document.cellsUnknown)
        return ConvertedText(text: text, conversion: conversion, notes: document.notes)
    }
}
