import GongkaiModel

/// One line read as table cells: the text of its label cells and its value cells, in order.
/// Tabs, pipes and runs of spaces all separate cells; empty cells are dropped because OCR'd
/// tab tables shift them (`3.其他→→0…`).
struct LineCells: Sendable {
    /// The label cells joined, normalised (half-width, no whitespace).
    var label: String
    /// Numbers, and the marks printed in a cell instead of one (`/`, `无`, `—`).
    var cells: [Cell]

    /// The label's last cell ends in digits and only numbers follow: cells glued to the label
    /// (`(七)总计801000081`), to be split like a run-together table.
    var isGlued: Bool

    var isBlank: Bool { label.isEmpty && cells.isEmpty }
    var numberCount: Int { cells.count { $0.number != nil } }

    /// What a cell may print instead of a number; kept as text, never read as 0.
    static let textCells: Set<String> = ["/", "无", "—", "——", "-", "\\"]
    /// What a converter writes for a cell it could not read (OCR below its confidence): unknown, in its place.
    /// `[blank]`: a web page's or Word file's empty value cell, kept in its column by the converter.
    static let unreadableCells: Set<String> = ["[illegible]", "[blank]"]

    init(_ text: String) {
        let folded = LabelText.mayFold(text) ? LabelText.halfWidth(text) : text
        let simple = SimpleText.isSimple(folded)
        let tokens = SimpleText.cells(folded, simple: simple)
        var label = ""
        var cells: [Cell] = []
        var isGlued = false
        for (index, token) in tokens.enumerated() {
            if Self.isPageFooter(token) { continue }
            // `1 .属于国家秘密`: a number cut off from its label is the label's numbering.
            if let number = TableNumber.parse(token), !Self.opensNumbering(index + 1 < tokens.count ? tokens[index + 1] : nil, simple: simple) {
                cells.append(.number(number))
            } else if Self.isOne(of: Self.unreadableCells, Self.unreadableCellBytes, token, simple: simple) {
                cells.append(.unknown)
                isGlued = false
            } else if Self.isOne(of: Self.textCells, Self.textCellBytes, token, simple: simple) {
                cells.append(.text(String(token)))
                isGlued = false
            } else {
                label += token
                isGlued = Self.endsInASCIIDigit(token, simple: simple)
            }
        }
        self.label = label
        self.cells = cells
        self.isGlued = isGlued
    }

    /// The token starts with `.` or `、`; in simple text, where a scalar is a Character, by its bytes.
    static func opensNumbering(_ token: Substring?, simple: Bool) -> Bool {
        guard let token else { return false }
        guard simple else { return token.first == "." || token.first == "、" }
        return token.utf8.first == UInt8(ascii: ".") || token.utf8.starts(with: [0xE3, 0x80, 0x81])
    }

    /// The token's last Character is an ASCII digit; in simple text, its last byte is one.
    static func endsInASCIIDigit(_ token: Substring, simple: Bool) -> Bool {
        guard simple else { return token.last.map { $0.isASCII && $0.isNumber } ?? false }
        return token.utf8.last.map(TableNumber.isDigit) ?? false
    }

    static let textCellBytes = textCells.map { Array($0.utf8) }
    static let unreadableCellBytes = unreadableCells.map { Array($0.utf8) }

    /// `set.contains(String(token))`; in simple text (nothing canonically equal to anything else)
    /// as a comparison of bytes, without hashing a normalised String.
    static func isOne(of set: Set<String>, _ bytes: [[UInt8]], _ token: Substring, simple: Bool) -> Bool {
        guard simple else { return set.contains(String(token)) }
        let count = token.utf8.count
        return bytes.contains { $0.count == count && token.utf8.elementsEqual($0) }
    }

    /// `-3-`: the page number pdftotext leaves between table rows. On bytes: with ASCII digits
    /// between two `-`, every byte is a Character.
    static func isPageFooter(_ token: Substring) -> Bool {
        let bytes = token.utf8
        guard bytes.count >= 3, bytes.first == UInt8(ascii: "-"), bytes.last == UInt8(ascii: "-") else { return false }
        return bytes.dropFirst().dropLast().allSatisfy(TableNumber.isDigit)
    }
}
