/// One line read as table cells: the text of its label cells and the numbers of its number
/// cells, in order. Tabs, pipes and runs of spaces all separate cells; empty cells are dropped
/// because OCR'd tab tables shift them (`3.其他→→0…`).
struct LineCells: Sendable {
    /// The label cells joined, normalised (half-width, no whitespace).
    var label: String
    var numbers: [Double]
    /// A Markdown pipe row (`| … |`): self-contained, so text outside it never joins it.
    var isPipeRow: Bool

    var isBlank: Bool { label.isEmpty && numbers.isEmpty }

    init(_ text: String) {
        let folded = LabelText.halfWidth(text)
        var label = ""
        var numbers: [Double] = []
        for token in folded.split(whereSeparator: { $0 == "|" || $0.isWhitespace }) {
            if let number = TableNumber.parse(token) {
                numbers.append(number)
            } else if !Self.isPageFooter(token) {
                label += token
            }
        }
        self.label = label
        self.numbers = numbers
        self.isPipeRow = folded.drop { $0.isWhitespace }.first == "|" && numbers.count + (label.isEmpty ? 0 : 1) > 1
    }

    /// `-3-`: the page number pdftotext leaves between table rows.
    static func isPageFooter<S: StringProtocol>(_ token: S) -> Bool {
        guard token.count >= 3, token.first == "-", token.last == "-" else { return false }
        return token.dropFirst().dropLast().allSatisfy { $0.isASCII && $0.isNumber }
    }
}
