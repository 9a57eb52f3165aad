import Foundation
import GongkaiModel
import ZIPFoundation

/// A Word `.docx`: the body of word/document.xml in order, each paragraph a line and each
/// table row a line of tab-separated cells, merged cells (gridSpan, vMerge) kept in their columns.
enum WordConverter {
    static let documentPath = "word/document.xml"
    static let numberingPath = "word/numbering.xml"
    static let stylesPath = "word/styles.xml"

    static func convert(bytes: [UInt8], path: String) throws(ConversionError) -> ConvertedText {
        let archive = try open(bytes, path: path)
        let xml = try part(documentPath, of: archive, path: path)
        // Numbering and styles are optional: a document without them has no automatic numbers.
        var numbering = WordNumbering(
            numbering: try? part(numberingPath, of: archive, path: path), styles: try? part(stylesPath, of: archive, path: path))
        guard let root = MarkupParser.xml(xml) else {
            throw ConversionError(path: path, message: "\(documentPath) in this Word file is not well-formed XML; the file is damaged")
        }
        guard let body = root.firstChild("body") else {
            throw ConversionError(path: path, message: "\(documentPath) has no document body; is this a Word document?")
        }
        var lines: [String] = []
        appendBlocks(of: body, to: &lines, numbering: &numbering)
        let conversion = TextConversion(method: .word, tool: "Word document XML (\(documentPath))", original: path)
        return ConvertedText(text: lines.joined(separator: "\n") + "\n", conversion: conversion)
    }

    /// The bytes of word/document.xml, or an error saying why the file is not a Word document.
    static func documentXML(_ bytes: [UInt8], path: String) throws(ConversionError) -> [UInt8] {
        try part(documentPath, of: open(bytes, path: path), path: path)
    }

    private static func open(_ bytes: [UInt8], path: String) throws(ConversionError) -> WordArchive {
        guard bytes.starts(with: [0x50, 0x4B]) else {
            let hint = bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) ? " (it is an old binary .doc: save it as .docx)" : ""
            throw ConversionError(path: path, message: "not a Word .docx file: not a ZIP archive\(hint)")
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw ConversionError(path: path, message: "not a readable Word .docx file: the ZIP archive is damaged")
        }
        return try WordArchive(archive, path: path)
    }

    /// One XML part of the archive, by its path inside it.
    private static func part(_ name: String, of archive: WordArchive, path: String) throws(ConversionError) -> [UInt8] {
        try archive.part(name, path: path)
    }

    /// Paragraphs and tables in document order; content controls and similar wrappers are entered.
    static func appendBlocks(of element: MarkupElement, to lines: inout [String]) {
        var numbering = WordNumbering()
        appendBlocks(of: element, to: &lines, numbering: &numbering)
    }

    /// A paragraph Word numbers automatically gets its number ("一、") written before its text.
    static func appendBlocks(of element: MarkupElement, to lines: inout [String], numbering: inout WordNumbering) {
        for child in element.elements {
            switch child.name {
            case "p":
                let text = (numbering.label(for: child) ?? "") + paragraphText(child)
                lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            case "tbl": lines += tableLines(child)
            case "sdt", "sdtContent", "customXml", "ins", "smartTag": appendBlocks(of: child, to: &lines, numbering: &numbering)
            default: continue
            }
        }
    }

    /// A paragraph's text: runs' `w:t`, tabs as tabs, line breaks as new lines; deleted text left out.
    static func paragraphText(_ paragraph: MarkupElement) -> String {
        var text = ""
        collectText(paragraph, into: &text, tab: "\t")
        return text
    }

    private static func collectText(_ element: MarkupElement, into text: inout String, tab: String) {
        for node in element.children {
            guard case .element(let child) = node else { continue }
            switch child.name {
            case "t":
                for case .text(let value) in child.children { text += value }
            case "tab": text += tab
            case "br", "cr": text += "\n"
            case "noBreakHyphen": text += "-"
            // A text box comes twice (DrawingML choice, VML fallback): the fallback is left out.
            case "del", "delText", "instrText", "pPr", "rPr", "fldChar", "Fallback": continue
            default: collectText(child, into: &text, tab: tab)
            }
        }
    }

    /// One line per row; a cell spanning n grid columns is followed by n-1 empty cells, and a
    /// vertically merged continuation cell is empty, so every value stays in its column.
    static func tableLines(_ table: MarkupElement) -> [String] {
        var rows: [[String]] = []
        for row in table.elements where row.name == "tr" {
            var cells: [String] = []
            let properties = row.firstChild("trPr")
            cells += Array(repeating: "", count: gridCount(properties?.firstChild("gridBefore")))
            for cell in row.elements where cell.name == "tc" || cell.name == "sdt" {
                guard let tc = cell.name == "tc" ? cell : cell.firstChild("sdtContent")?.firstChild("tc") else { continue }
                let cellProperties = tc.firstChild("tcPr")
                let span = max(1, gridCount(cellProperties?.firstChild("gridSpan")))
                let continuesMerge = cellProperties?.firstChild("vMerge").map { ($0.attribute("val") ?? "continue") == "continue" } ?? false
                let text = continuesMerge ? "" : cellText(tc)
                cells.append(!continuesMerge && text.isEmpty ? MergedCellGrid.emptyCell : text)
                cells += Array(repeating: "", count: span - 1)
            }
            rows.append(cells)
        }
        return MergedCellGrid(gridRows: rows).lines
    }

    private static func gridCount(_ element: MarkupElement?) -> Int {
        guard let value = element?.attribute("val"), let count = Int(value) else { return 0 }
        return min(max(count, 0), MergedCellGrid.maxColumns)
    }

    /// A cell's paragraphs joined (a line break inside a cell is wrapping, not structure).
    static func cellText(_ cell: MarkupElement) -> String {
        var text = ""
        for paragraph in cell.elements {
            switch paragraph.name {
            case "p", "sdt": collectText(paragraph, into: &text, tab: " ")
            case "tbl": text += " " + tableLines(paragraph).joined(separator: " ")
            default: continue
            }
            text += "\n"
        }
        return MergedCellGrid.cellText(text)
    }
}
