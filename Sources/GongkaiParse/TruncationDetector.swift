import Foundation
import GongkaiModel

/// Tells a text that stops before its end (a web page cut off, one page of a PDF) from a whole
/// report. A text is incomplete when it stops inside a character (a byte sequence cut in half), or
/// when it has no section 六 and no closing (a date in its last lines) — the later sections were
/// never received. The diagnostic names the last line, so the checker can say that findings about
/// the parts after it concern text it never saw.
enum TruncationDetector {
    static let code = Report.incompleteCode

    /// A line that is page furniture, not text: `-5-`, `— 3 —`, `P. 9`, `---`.
    static let furniture = Pattern.make(#"^[\s\-—–_=*#|·.]*(?:P\.?\s*)?\d{0,3}[\s\-—–_=*#|·.]*$"#)
    /// A closing date: `2023年1月11日`, `2024-01-29`, `2024年1月`.
    static let closingDate = Pattern.make(#"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月|(?:19|20)\d\d-\d{1,2}-\d{1,2}"#)
    /// How many content lines at the end may hold the closing.
    static let closingLines = 3

    static func diagnostic(_ lines: [DocumentLine], sections: [Section]) -> Diagnostic? {
        // the last few lines that are not page furniture, from the end (never a regex per line of the text)
        var content: [DocumentLine] = []
        for line in lines.reversed() where !isFurniture(line.text) {
            content.insert(line, at: 0)
            if content.count == closingLines { break }
        }
        guard let last = content.last else { return nil }
        let cutCharacter = last.text.unicodeScalars.last == "\u{FFFD}"
        let hasLastSection = sections.contains { $0.number == 6 }
        let closed = content.contains { matches(closingDate, $0.text) }
        guard cutCharacter || (!hasLastSection && !closed) else { return nil }
        let reason = cutCharacter ? "it stops inside a character" : "no section 六 and no closing (signature, date) follow"
        return Diagnostic(line: last.number, severity: .warning, code: code,
                          message: "incomplete text (文本不完整): \(reason); the last line is 「\(excerpt(last.text))」")
    }

    /// Furniture is short: a longer line is text without running the pattern.
    static let furnitureLength = 16

    static func isFurniture(_ text: String) -> Bool {
        let trimmed = Whitespace.trimmed(text)
        return trimmed.utf8.count <= furnitureLength && matches(furniture, trimmed)
    }

    static func excerpt(_ text: String) -> String {
        let trimmed = Whitespace.trimmed(text).replacingOccurrences(of: "\u{FFFD}", with: "")
        return trimmed.count <= 40 ? trimmed : "…" + String(trimmed.suffix(40))
    }

    static func matches(_ pattern: NSRegularExpression, _ text: String) -> Bool {
        pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
