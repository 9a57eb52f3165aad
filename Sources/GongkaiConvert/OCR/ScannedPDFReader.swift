import Foundation
import GongkaiModel

/// Reads a scanned PDF (pages that are only images) with Tesseract.
///
/// Whole-page OCR of a ruled table is unusable, so each page is cut up first: the table's ruling
/// lines are found in the image, each cell is read on its own (numbers with digits only), and the
/// tables' sums reject misreadings. A number not read with confidence is `[illegible]`, never a guess.
public enum ScannedPDFReader {
    public static func read(pdfAt url: URL, path: String) throws(ConversionError) -> ConvertedText {
        try read(pdfAt: url, path: path, tools: .onPath(), settings: .standard)
    }

    static func read(pdfAt url: URL, path: String, tools: OCRTools, settings: OCRSettings) throws(ConversionError) -> ConvertedText {
        let missing = "Tesseract with its Simplified Chinese model is needed to read this scanned PDF; install it with: \(OCRTools.installTesseract)"
        guard let tesseract = tools.tesseract, let info = OCRTools.tesseractInfo(tesseract), info.hasChinese else {
            throw ConversionError(path: path, message: missing)
        }
        guard let pdftoppm = tools.pdftoppm else {
            throw ConversionError(path: path, message: "pdftoppm is needed to render the scanned pages; install it with: \(OCRTools.installPoppler)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-ocr-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw ConversionError(path: path, message: "cannot create a work folder for OCR: \(error)")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let pages = try PageRenderer(executable: pdftoppm, dpi: settings.dpi).render(url, into: directory, path: path)
        var document = ScannedDocument(settings: settings, directory: directory)
        let text = try document.read(pages: pages, tesseract: tesseract, path: path)
        let tool = "\(info.version) (\(settings.textMode.language), numbers \(settings.numberMode.language) digits only, "
            + "cells read one by one at \(settings.dpi) dpi), pdftoppm"
        let conversion = TextConversion(method: .ocr, tool: tool, original: path,
                                        cellsRead: document.cellsRead, cellsUnknown: document.cellsUnknown)
        return ConvertedText(text: text, conversion: conversion, notes: document.notes)
    }
}
