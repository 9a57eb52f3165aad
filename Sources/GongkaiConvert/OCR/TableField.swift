/// One cell of a table as read: blank, a label, or a number (known or not).
enum TableField: Sendable, Hashable {
    case blank
    case label(String)
    case number(NumberReading)

    /// The cell as the parser reads it: a number not read with confidence is `[illegible]`.
    var text: String {
        switch self {
        case .blank: ""
        case .label(let text): text
        case .number(let reading): reading.text ?? "[illegible]"
        }
    }

    var reading: NumberReading? {
        if case .number(let reading) = self { reading } else { nil }
    }
}

/// A number cell: the digits read (nil when unknown) and Tesseract's confidence in them.
struct NumberReading: Sendable, Hashable {
    var text: String?
    var confidence: Double

    /// The whole number the cell holds, for the table's sums (amounts with decimals are not summed).
    var value: Int? { text.flatMap { Int($0) } }

    static let unknown = NumberReading(text: nil, confidence: 0)

    /// The reading of a number cell's words: one word of digits (an amount may have one decimal point),
    /// confident enough; anything else is unknown.
    init(words: [RecognizedWord], accept: Double) {
        guard words.count == 1, let word = words.first, word.confidence >= accept, Self.isNumber(word.text) else {
            self = .unknown
            return
        }
        // A second look's reading counts as barely accepted: a sum that fails rejects it.
        self.init(text: word.text, confidence: word.isFallback ? min(word.confidence, accept) : word.confidence)
    }

    init(text: String?, confidence: Double) {
        self.text = text
        self.confidence = confidence
    }

    private static func isNumber(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return false
        }
        // A whole number with a leading zero ("05") is a misreading, not a count.
        return !(parts[0].count > 1 && parts[0].first == "0")
    }
}
