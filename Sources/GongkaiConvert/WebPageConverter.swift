import Foundation
import GongkaiModel

/// A web page saved from a government site: decoded in its declared charset, parsed by
/// libxml2's HTML parser, the report's content found among the page chrome, tables expanded
/// (rowspan/colspan) into tab-separated rows.
enum WebPageConverter {
    static func convert(bytes: [UInt8], path: String) throws(ConversionError) -> ConvertedText {
        let charset = WebPageCharset.detect(bytes)
        guard let root = MarkupParser.html(bytes, encoding: charset.encoding) else {
            throw ConversionError(path: path, message: "not a readable web page (the HTML parser found no document)")
        }
        let body = root.firstChild("body") ?? root
        let content = WebPageContent.find(in: body)
        var lines = WebPageText.lines(of: content)
        let header = WebPageMetadata.header(in: root)
        if header.isEmpty, let title = WebPageContent.title(in: root), !lines.prefix(5).contains(where: { line in WebPageChrome.titleWords.contains { line.contains($0) } }) {
            lines.insert(title, at: 0)
        }
        lines = header + lines
        guard lines.contains(where: { $0.unicodeScalars.contains(where: InlineText.isCJK) }) else {
            throw ConversionError(path: path, message: "the web page has no Chinese text (read as \(charset.encoding)); is it the report's page?")
        }
        var notes: [String] = []
        if let declared = charset.overridden { notes.append("\(path): the page declares charset \(declared) but its bytes are UTF-8; read as UTF-8") }
        let conversion = TextConversion(method: .webPage, tool: "libxml2 HTML parser (\(charset.encoding))", original: path)
        return ConvertedText(text: lines.joined(separator: "\n") + "\n", conversion: conversion, notes: notes)
    }
}

/// Finding the report among the chrome.
enum WebPageContent {
    /// The deepest container holding most of the page's Chinese text outside links. Only
    /// containers are entered: one long paragraph, or a data table, is part of the report, not all of it.
    static func find(in body: MarkupElement) -> MarkupElement {
        let total = weight(body)
        guard total > 0 else { return body }
        var current = body
        while let heavier = current.elements.first(where: { Double(weight($0)) >= WebPageChrome.contentShare * Double(total) }),
              isContainer(heavier) {
            current = heavier
        }
        return current
    }

    static func isContainer(_ element: MarkupElement) -> Bool {
        if element.name == "table" { return WebPageText.isLayoutTable(element) }
        return WebPageChrome.containerElements.contains(element.name)
    }

    /// Chinese characters in `element` outside links and dropped elements.
    static func weight(_ element: MarkupElement) -> Int {
        if element.name == "a" || WebPageText.isDropped(element) { return 0 }
        var count = 0
        for node in element.children {
            switch node {
            case .text(let text): count += text.unicodeScalars.lazy.filter(InlineText.isCJK).count
            case .element(let child): count += weight(child)
            }
        }
        return count
    }

    /// The report's title from a heading or the page title, when it names a 年度报告.
    static func title(in root: MarkupElement) -> String? {
        for name in ["h1", "h2", "h3", "title"] {
            if let heading = first(name, in: root) {
                let text = InlineText.collapse(WebPageText.plainText(heading))
                // A page <title> often ends with the site's name: 标题_某某区人民政府.
                let title = text.split(whereSeparator: { "_|".contains($0) }).first.map(String.init) ?? text
                if WebPageChrome.titleWords.contains(where: { title.contains($0) }) { return title.trimmingCharacters(in: .whitespaces) }
            }
        }
        return nil
    }

    private static func first(_ name: String, in element: MarkupElement) -> MarkupElement? {
        for child in element.elements {
            if child.name == name { return child }
            if let found = first(name, in: child) { return found }
        }
        return nil
    }
}

/// An element's text as lines: blocks on their own lines, data tables as tab-separated rows.
enum WebPageText {
    static let blockElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
        "main", "blockquote", "pre", "center", "address", "hr", "form", "figure", "figcaption", "caption", "header",
        "tr", "td", "th", "tbody", "thead", "tfoot", "body", "html",
    ]

    static func isDropped(_ element: MarkupElement) -> Bool {
        WebPageChrome.droppedElements.contains(element.name) || WebPageChrome.isChromeByClass(element)
    }

    static func lines(of element: MarkupElement) -> [String] {
        var writer = LineWriter()
        render(element, into: &writer)
        writer.breakLine()
        return writer.lines
    }

    /// All text of an element, ignoring structure (for titles).
    static func plainText(_ element: MarkupElement) -> String {
        element.children.map { node in
            switch node {
            case .text(let text): text
            case .element(let child): plainText(child)
            }
        }.joined()
    }

    private static func render(_ element: MarkupElement, into writer: inout LineWriter) {
        if isDropped(element) { return }
        if element.name == "br" { return writer.breakLine() }
        if element.name == "table", !isLayoutTable(element) {
            writer.breakLine()
            writer.lines += tableLines(element)
            return
        }
        let isBlock = blockElements.contains(element.name)
        if isBlock {
            writer.breakLine()
            // A short breadcrumb or attachment block inside the content is left out.
            if WebPageChrome.isChromeText(InlineText.collapse(plainText(element))) { return }
        }
        for node in element.children {
            switch node {
            case .text(let text): writer.current += text
            case .element(let child): render(child, into: &writer)
            }
        }
        if isBlock { writer.breakLine() }
    }

    /// A table holding tables is page layout: its cells are read as blocks, not as a grid.
    static func isLayoutTable(_ table: MarkupElement) -> Bool {
        table.elements.contains { containsTable($0) }
    }

    private static func containsTable(_ element: MarkupElement) -> Bool {
        element.name == "table" || element.elements.contains { containsTable($0) }
    }

    static func tableLines(_ table: MarkupElement) -> [String] {
        var rows: [[MergedCellGrid.Cell]] = []
        collectRows(table, into: &rows)
        return MergedCellGrid(htmlRows: rows).lines
    }

    /// Rows of the table itself (through thead/tbody/tfoot), not of nested tables.
    private static func collectRows(_ element: MarkupElement, into rows: inout [[MergedCellGrid.Cell]]) {
        for child in element.elements {
            switch child.name {
            case "tr":
                rows.append(child.elements.filter { $0.name == "td" || $0.name == "th" }.map(cell))
            case "thead", "tbody", "tfoot": collectRows(child, into: &rows)
            default: continue
            }
        }
    }

    private static func cell(_ element: MarkupElement) -> MergedCellGrid.Cell {
        var writer = LineWriter()
        for node in element.children {
            switch node {
            case .text(let text): writer.current += text
            case .element(let child): render(child, into: &writer)
            }
        }
        writer.breakLine()
        return MergedCellGrid.Cell(
            text: MergedCellGrid.cellText(writer.lines.joined(separator: "\n")),
            columns: Int(element.attribute("colspan")?.trimmingCharacters(in: .whitespaces) ?? "") ?? 1,
            rows: Int(element.attribute("rowspan")?.trimmingCharacters(in: .whitespaces) ?? "") ?? 1)
    }

    struct LineWriter {
        var lines: [String] = []
        var current = ""

        mutating func breakLine() {
            let line = InlineText.collapse(current)
            if !line.isEmpty { lines.append(line) }
            current = ""
        }
    }
}
