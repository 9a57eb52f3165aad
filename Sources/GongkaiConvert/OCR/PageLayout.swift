import Foundation

/// What a page holds, top to bottom: bands of running text and ruled tables, each part cut out
/// as an image file for Tesseract (`nil` for a table cell with no ink).
enum PageBlock: Sendable {
    case text(image: Int)
    case table(TableGrid, cellImages: [Int?])
}

/// Cuts a page image into text bands and table cells, writing each as a PGM into the work folder.
struct PageCutter {
    let dpi: Int
    let directory: URL
    /// Every image written so far, in the order Tesseract is given them.
    private(set) var images: [URL] = []

    init(dpi: Int, directory: URL) {
        self.dpi = dpi
        self.directory = directory
    }

    mutating func cut(_ page: GrayImage) throws(ConversionError) -> [PageBlock] {
        let lines = RulingLines(image: page, dpi: dpi)
        let tables = TableGrid.tables(in: lines, dpi: dpi)
        var blocks: [PageBlock] = []
        var top = 0
        for table in tables {
            let bounds = table.bounds
            if let band = try textBand(page, from: top, to: bounds.y0 - 2) { blocks.append(band) }
            var cellImages: [Int?] = []
            for cell in table.cells { cellImages.append(try cellImage(page, cell: cell, lines: lines)) }
            blocks.append(.table(table, cellImages: cellImages))
            top = max(top, bounds.y1 + 2)
        }
        if let band = try textBand(page, from: top, to: page.height) { blocks.append(band) }
        return blocks
    }

    /// The full-width strip between tables, when it has any ink.
    private mutating func textBand(_ page: GrayImage, from top: Int, to bottom: Int) throws(ConversionError) -> PageBlock? {
        guard bottom - top > dpi / 10 else { return nil }
        let strip = page.crop(PixelRect(x0: 0, y0: top, x1: page.width, y1: bottom))
        guard let ink = Self.inkBounds(strip, minimum: dpi / 4) else { return nil }
        return .text(image: try write(strip.crop(ink, margin: dpi / 10)))
    }

    /// A cell's inside, with the rules and their remnants removed, trimmed to its ink.
    private mutating func cellImage(_ page: GrayImage, cell: GridCell, lines: RulingLines) throws(ConversionError) -> Int? {
        let inside = cell.rect.inset(by: max(3, dpi / 35)).clipped(width: page.width, height: page.height)
        guard inside.width > 2, inside.height > 2 else { return nil }
        var crop = page.crop(inside)
        for y in 0 ..< crop.height {
            for x in 0 ..< crop.width
            where lines.isHorizontalRule(inside.x0 + x, inside.y0 + y) || lines.isVerticalRule(inside.x0 + x, inside.y0 + y) {
                crop.pixels[y * crop.width + x] = 255
            }
        }
        guard let ink = Self.inkBounds(crop, minimum: max(6, dpi * dpi / 4000)) else { return nil }
        // Tesseract misses a lone digit without a wide white margin around it.
        return try write(crop.crop(ink, margin: max(16, dpi / 6)))
    }

    /// The bounding box of the dark pixels, or nil when there are fewer than `minimum` (blank, or specks).
    static func inkBounds(_ image: GrayImage, minimum: Int, darkBelow threshold: UInt8 = 128) -> PixelRect? {
        var count = 0
        var x0 = image.width, y0 = image.height, x1 = 0, y1 = 0
        for y in 0 ..< image.height {
            for x in 0 ..< image.width where image.pixels[y * image.width + x] < threshold {
                count += 1
                x0 = min(x0, x); y0 = min(y0, y); x1 = max(x1, x + 1); y1 = max(y1, y + 1)
            }
        }
        return count >= minimum ? PixelRect(x0: x0, y0: y0, x1: x1, y1: y1) : nil
    }

    private mutating func write(_ image: GrayImage) throws(ConversionError) -> Int {
        let url = directory.appendingPathComponent(String(format: "part-%05d.pgm", images.count))
        do { try image.pgmData.write(to: url) } catch {
            throw ConversionError(path: url.path, message: "cannot write an OCR image: \(error)")
        }
        images.append(url)
        return images.count - 1
    }
}
