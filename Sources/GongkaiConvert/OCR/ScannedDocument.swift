import Foundation

/// The pages of one scanned PDF read into text: running text line by line, each table row as one
/// line of tab-separated cells in the table's own grid (a merged cell's text in its first column).
struct ScannedDocument {
    let settings: OCRSettings
    let directory: URL
    private(set) var cellsRead = 0
    private(set) var cellsUnknown = 0
    private(set) var notes: [String] = []

    init(settings: OCRSettings, directory: URL) {
        self.settings = settings
        self.directory = directory
    }

    /// What the text is made of, in reading order: text lines, and rows of the tables' cells.
    private enum Piece { case line(String), row(Int) }

    /// Reads `pageCount` pages, each rendered by `render` (page number, 1-based) and deleted once cut up.
    mutating func read(
        pageCount: Int, render: (Int) throws(ConversionError) -> URL, tesseract: String, budget: ToolBudget, path: String
    ) throws(ConversionError) -> String {
        var cutter = PageCutter(dpi: settings.dpi, directory: directory)
        var layout: [[PageBlock]] = []
        for number in 1 ... max(pageCount, 1) {
            let page = try render(number)
            defer { try? FileManager.default.removeItem(at: page) }
            guard let data = try? Data(contentsOf: page), let image = GrayImage(pgm: data) else {
                throw ConversionError(path: path, message: "cannot read the rendered page \(number)")
            }
            layout.append(try cutter.cut(image))
        }
        let batch = TesseractBatch(executable: tesseract, directory: directory, dpi: settings.dpi, budget: budget, path: path)
        let firstPass = try batch.recognize(cutter.images, mode: settings.textMode, label: "text")
        guard firstPass.contains(where: { !$0.isEmpty }) else {
            throw ConversionError(path: path, message: "no text was read on the scanned \(pageCount == 1 ? "page" : "\(pageCount) pages") (blank?); nothing to publish")
        }
        let candidates = layout.joined().flatMap { block -> [Int] in
            guard case .table(_, let cellImages) = block else { return [] }
            return cellImages.compactMap { $0 }.filter { Self.looksLikeNumber(firstPass[$0]) }
        }
        let numberPass = try batch.recognize(candidates.map { cutter.images[$0] }, mode: settings.numberMode, label: "numbers")
        var numberWords = Dictionary(zip(candidates, numberPass), uniquingKeysWith: { first, _ in first })
        let missed = candidates.filter { numberWords[$0]?.isEmpty ?? true }
        let secondLook = try batch.recognize(missed.map { cutter.images[$0] }, mode: settings.fallbackNumberMode, label: "again")
        for (image, words) in zip(missed, secondLook) { numberWords[image] = words.map { $0.fallback() } }

        var pieces: [Piece] = []
        var rows: [[TableField]] = []
        for blocks in layout {
            for block in blocks {
                switch block {
                case .text(let image):
                    pieces += OCRText.lines(firstPass[image]).map { Piece.line($0) }
                case .table(let grid, let cellImages):
                    for row in fields(grid, cellImages: cellImages, firstPass: firstPass, numbers: numberWords) {
                        pieces.append(.row(rows.count))
                        rows.append(row)
                    }
                }
            }
        }
        if rows.isEmpty { notes.append("no ruled table found on the scanned pages; its tables could not be read") }
        rows = TableArithmetic(sure: settings.sureConfidence).check(rows)
        for field in rows.joined() {
            guard let reading = field.reading else { continue }
            if reading.text == nil { cellsUnknown += 1 } else { cellsRead += 1 }
        }
        if cellsUnknown > 0 { notes.append("\(cellsUnknown) table cells could not be read with confidence and are unknown") }
        return pieces.map { piece in
            switch piece {
            case .line(let text): text
            case .row(let index): Self.line(rows[index])
            }
        }.joined(separator: "\n") + "\n"
    }

    /// The table's rows, each with one field per grid column; rows with nothing in them are left out.
    private func fields(_ grid: TableGrid, cellImages: [Int?], firstPass: [[RecognizedWord]],
                        numbers: [Int: [RecognizedWord]]) -> [[TableField]] {
        var rows = [[TableField]](repeating: [TableField](repeating: .blank, count: grid.columnCount), count: grid.rowCount)
        for (cell, image) in zip(grid.cells, cellImages) {
            guard let image, cell.row < rows.count, cell.column < grid.columnCount else { continue }
            let label = OCRText.lines(firstPass[image]).joined()
            if let words = numbers[image] {
                let reading = NumberReading(words: words, accept: settings.acceptConfidence)
                // A mark printed instead of a number (`/`, `无`) stays as printed; any other reading is the number's.
                let isMark = reading.text == nil && Self.marks.contains(label)
                rows[cell.row][cell.column] = isMark ? .label(label) : .number(reading)
            } else {
                rows[cell.row][cell.column] = label.isEmpty ? .blank : .label(label)
            }
        }
        return rows.filter { row in row.contains { $0 != .blank } }
    }

    /// What a report prints in a number cell instead of a number.
    static let marks: Set<String> = ["/", "／", "无", "—", "——", "-", "－"]

    /// A cell whose Chinese reading has no Chinese word in it: a number (digits may come out as 〇, O, l…).
    static func looksLikeNumber(_ words: [RecognizedWord]) -> Bool {
        let text = words.map(\.text).joined()
        if text.isEmpty { return true }
        let han = text.filter { OCRText.hasHan(String($0)) }.count
        if han == 0 { return text.count <= 12 }
        return han == 1 && text.count <= 2
    }

    /// One row as a line of tab-separated cells, blanks at its end dropped.
    private static func line(_ row: [TableField]) -> String {
        var end = row.count
        while end > 0, row[end - 1] == .blank { end -= 1 }
        return row.prefix(end).map(\.text).joined(separator: "\t")
    }
}
