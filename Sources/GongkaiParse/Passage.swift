import Foundation

/// Consecutive lines joined into running text (OCR spaces removed, wrapped lines rejoined), able
/// to say which file line any position came from. Blank lines separate paragraphs with `\n`.
struct Passage {
    let text: String
    private var starts: [(offset: Int, line: Int)] = []

    init(_ lines: ArraySlice<DocumentLine>) {
        var text = ""
        var length = 0  // UTF-16 length of `text`, kept as we go (counting it again is linear)
        var previousBlank = true
        for line in lines {
            let cleaned = Whitespace.trimmed(ChineseText.collapsingOCRSpaces(line.text))
            if cleaned.isEmpty {
                previousBlank = true
                continue
            }
            if previousBlank, !text.isEmpty {
                text += "\n"
                length += 1
            }
            starts.append((length, line.number))
            text += cleaned
            length += SimpleText.utf16Length(cleaned)
            previousBlank = false
        }
        self.text = text
    }

    /// The file line of a UTF-16 offset.
    func line(at offset: Int) -> Int? {
        // binary search for the last start at or before the offset
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle].offset <= offset { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? starts[low - 1].line : starts.first?.line
    }

    /// Every match of a pattern, with its capture groups (nil when a group did not take part).
    func matches(_ regex: NSRegularExpression) -> [(groups: [String?], line: Int?)] {
        let whole = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: whole).map { match in
            let groups = (0..<match.numberOfRanges).map { index -> String? in
                Range(match.range(at: index), in: text).map { String(text[$0]) }
            }
            return (groups, line(at: match.range.location))
        }
    }

    func firstMatch(_ regex: NSRegularExpression) -> (groups: [String?], line: Int?)? {
        let whole = NSRange(text.startIndex..., in: text)
        guard let match = regex.firstMatch(in: text, range: whole) else { return nil }
        let groups = (0..<match.numberOfRanges).map { index -> String? in
            Range(match.range(at: index), in: text).map { String(text[$0]) }
        }
        return (groups, line(at: match.range.location))
    }
}

enum Pattern {
    /// Builds a regex from trusted data; a bad pattern is a programming error caught by tests.
    static func make(_ pattern: String) -> NSRegularExpression {
        do { return try NSRegularExpression(pattern: pattern) } catch { preconditionFailure("bad pattern \(pattern): \(error)") }
    }

    static func alternatives(_ words: [String]) -> String {
        "(?:" + words.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + ")"
    }
}
