import Foundation

/// A PDF's pages as `pdfinfo` reports them, checked before any page is rendered: a scan of more
/// pages than OCR reads, or a page too large to render, is refused with a message instead of
/// filling the memory and the disk.
struct PageSizes {
    /// Each page's width and height in points (1/72 inch), in page order.
    var pages: [(width: Double, height: Double)]

    static let toolName = "pdfinfo"

    /// Asks pdfinfo for the page count and the sizes of at most `maxScannedPages` + 1 pages.
    static func inspect(_ pdf: URL, path: String, tool: URL, budget: ToolBudget) throws(ConversionError) -> PageSizes {
        let last = String(ConversionLimits.maxScannedPages + 1)
        let run: ExternalTool.Run
        do {
            run = try ExternalTool.run(tool, arguments: ["-f", "1", "-l", last, pdf.path], budget: budget)
        } catch {
            throw ConversionError(path: path, message: "cannot run \(tool.path): \(error.localizedDescription)")
        }
        if run.timedOut { throw budget.timeout(path, tool: toolName) }
        guard run.status == 0 else { throw ConversionError(path: path, message: "not a readable PDF (pdfinfo: \(run.reason))") }
        let text = String(decoding: run.output, as: UTF8.self)
        guard let count = Self.pageCount(text) else {
            throw ConversionError(path: path, message: "not a readable PDF (pdfinfo printed no page count)")
        }
        guard count <= ConversionLimits.maxScannedPages else {
            throw ConversionError(path: path, message: "the scanned PDF has \(count) pages, more than the \(ConversionLimits.maxScannedPages) OCR reads (a report is a few pages); not read")
        }
        let sizes = Self.sizes(text)
        guard sizes.count == count, count > 0 else {
            throw ConversionError(path: path, message: count == 0 ? "the PDF has no pages" : "not a readable PDF (pdfinfo gave \(sizes.count) page sizes for \(count) pages)")
        }
        return PageSizes(pages: sizes)
    }

    /// Refuses the file when a page rendered at `dpi` would have more than `maxPagePixels` pixels.
    func check(dpi: Int, path: String) throws(ConversionError) {
        for (index, page) in pages.enumerated() {
            let pixels = (page.width / 72 * Double(dpi)) * (page.height / 72 * Double(dpi))
            guard pixels > Double(ConversionLimits.maxPagePixels) else { continue }
            let inches = "\(Self.inches(page.width)) × \(Self.inches(page.height)) inches"
            throw ConversionError(path: path, message: "page \(index + 1) is \(inches): at \(dpi) dpi it would be \(Int(pixels / 1_000_000)) million pixels, "
                + "more than the \(ConversionLimits.maxPagePixels / 1_000_000) million a scanned page is rendered at (A4 is 8.7); not read")
        }
    }

    private static func inches(_ points: Double) -> String {
        let value = (points / 72 * 10).rounded() / 10
        return value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// `Pages:          3`
    static func pageCount(_ text: String) -> Int? {
        for line in text.split(separator: "\n") where line.hasPrefix("Pages:") {
            return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// `Page    1 size:  595.276 x 841.89 pts (A4)` (printed when asked for pages with -f/-l).
    static func sizes(_ text: String) -> [(width: Double, height: Double)] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("Page "), let colon = line.range(of: "size:") else { return nil }
            let fields = line[colon.upperBound...].split(separator: " ")
            guard fields.count >= 3, fields[1] == "x", let width = Double(fields[0]), let height = Double(fields[2]) else { return nil }
            return (width, height)
        }
    }
}
