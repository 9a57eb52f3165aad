import Foundation

/// Consecutive lines joined into running text (OCR spaces removed, wrapped lines rejoined), able
/// to say which file line any position came from. Blank lines separate paragraphs with `\n`.
struct Passage {
    let text: String
    private var starts: [(offset: Int, line: Int)] = []

    init(_ lines: ArraySlice<DocumentLine>) {
        self.init(cleaned: lines.lazy.map { (number: $0.number, text: Self.clean($0.text)) })
    }

    /// The passage of the lines at `indices`, their texts cleaned once per report by `lines`.
    init(_ lines: PassageLines, indices: some Sequence<Int>) {
        self.init(cleaned: indices.lazy.map { (number: lines.lines[$0].number, text: lines.cleaned(at: $0)) })
    }

    private init(cleaned lines: some Sequence<(number: Int, text: String)>) {
        var text = ""
        var length = 0  // UTF-16 length of `text`, kept as we go (counting it again is linear)
        var previousBlank = true
        for (number, cleaned) in lines {
            if cleaned.isEmpty {
                previousBlank = true
                continue
            }
            if previousBlank, !text.isEmpty {
                text += "\n"
                length += 1
            }
            starts.append((length, number))
            text += cleaned
            length += SimpleText.utf16Length(cleaned)
            previousBlank = false
        }
        self.text = text
    }

    /// A line as a passage holds it: without OCR spaces, trimmed.
    static func clean(_ text: String) -> String {
        Whitespace.trimmed(ChineseText.collapsingOCRSpaces(text))
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

    /// `firstMatch` of a pattern whose every match opens with a keyword holding one of `cues`,
    /// keywords of at most `keywordLength` scalars, and that looks neither behind its start nor
    /// at the start of the text: no match starts more than `keywordLength` scalars before the
    /// first cue, so the pattern runs on the text from there (bridging a whole passage to ICU
    /// for each pattern is most of its cost). Nil when no cue occurs.
    func firstMatch(_ regex: NSRegularExpression, cues: [[UInt8]], keywordLength: Int) -> (groups: [String?], line: Int?)? {
        var copy = text
        let start: Int? = copy.withUTF8 { bytes in
            let firstCue = cues.compactMap { cue in cue.withUnsafeBufferPointer { TextSearch.firstIndex(of: $0, in: bytes) } }.min()
            guard var index = firstCue else { return nil }
            var scalars = 0
            // back over whole scalars: a scalar starts at each byte that is not a continuation byte
            while index > 0, scalars < keywordLength {
                index -= 1
                if bytes[index] & 0xC0 != 0x80 { scalars += 1 }
            }
            return index
        }
        guard let start else { return nil }
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: start)
        let tail = String(Substring(utf8[from...]))
        guard let match = regex.firstMatch(in: tail, range: NSRange(tail.startIndex..., in: tail)) else { return nil }
        let groups = (0..<match.numberOfRanges).map { index -> String? in
            Range(match.range(at: index), in: tail).map { String(tail[$0]) }
        }
        return (groups, line(at: SimpleText.utf16Length(Substring(utf8[..<from])) + match.range.location))
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

/// A report's lines cleaned for passages (`Passage.clean`) on first use and remembered: the
/// preamble, the opening, the whole text and the narrative are passages over the same lines.
final class PassageLines {
    let lines: [DocumentLine]
    private var cleaned: [String?]

    init(_ lines: [DocumentLine]) {
        self.lines = lines
        cleaned = Array(repeating: nil, count: lines.count)
    }

    func cleaned(at index: Int) -> String {
        if let known = cleaned[index] { return known }
        let text = Passage.clean(lines[index].text)
        cleaned[index] = text
        return text
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
