import Foundation
import GongkaiModel

/// Reads the narrative figures (主动公开 items, 新媒体 posts, applications received) from the
/// report's prose. Never a year or a date; a qualified or contested number is marked uncertain.
enum FigureExtractor {
    struct Sentence {
        var text: String
        var line: Int
        /// The sentence as printed, when `text` was made simplified from traditional characters.
        var printed: String? = nil
    }

    static func extract(from lines: [DocumentLine]) -> Figures {
        extract(from: Passage(lines[...]))
    }

    static func extract(from passage: Passage) -> Figures {
        var sentences = self.sentences(passage)
        if sentences.contains(where: { TraditionalText.isTraditional($0.text) }) {
            sentences = sentences.map { Sentence(text: TraditionalText.simplified($0.text), line: $0.line, printed: $0.text) }
        }
        return Figures(
            proactiveItems: firstFigure(FigurePatterns.proactiveItems, in: sentences),
            newMediaPosts: firstFigure(FigurePatterns.newMediaPosts, in: sentences),
            applicationsReceived: applications(in: sentences))
    }

    static func sentences(_ passage: Passage) -> [Sentence] {
        var result: [Sentence] = []
        var offset = 0
        for piece in SimpleText.lines(passage.text) {
            // per paragraph: one odd character elsewhere must not send the whole text the slow way
            let simple = SimpleText.isSimple(piece)
            var start = offset
            for sentence in simple ? simpleSentences(piece) : sentences(piece) {
                result.append(Sentence(text: withoutAsides(sentence, simple: simple), line: passage.line(at: start) ?? 0))
                start += SimpleText.utf16Length(sentence)
            }
            offset += SimpleText.utf16Length(piece) + 1
        }
        return result
    }

    static let sentenceEnds: [Character] = ["。", "；", ";", "！", "!", "？", "?"]
    /// Arrays, not sets: comparing a scalar with a handful is cheaper than hashing every scalar of the text.
    static let sentenceEndScalars: [Unicode.Scalar] = ["。", "；", ";", "！", "!", "？", "?"]

    /// A paragraph cut after each sentence end; the last piece may have none.
    static func sentences(_ piece: Substring) -> [String] {
        var result: [String] = []
        var sentence = ""
        for character in piece {
            sentence.append(character)
            if sentenceEnds.contains(character) {
                result.append(sentence)
                sentence = ""
            }
        }
        if !sentence.isEmpty { result.append(sentence) }
        return result
    }

    /// `sentences(_:)` of `SimpleText`, on UTF-8 bytes: there each sentence end is a whole
    /// scalar, and a scalar a Character.
    static func simpleSentences(_ piece: Substring) -> [String] {
        let ends: [Int] = piece.utf8.withContiguousStorageIfAvailable(sentenceEndOffsets) ?? sentenceEndOffsets(Array(piece.utf8))
        let utf8 = piece.utf8
        var result: [String] = []
        result.reserveCapacity(ends.count + 1)
        var start = utf8.startIndex
        for offset in ends {
            let end = utf8.index(utf8.startIndex, offsetBy: offset)
            result.append(String(Substring(utf8[start..<end])))
            start = end
        }
        if start < utf8.endIndex { result.append(String(Substring(utf8[start...]))) }
        return result
    }

    /// The byte offsets just after each sentence end (。；;！!？?) in simple text.
    static func sentenceEndOffsets(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var ends: [Int] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ";") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                ends.append(index + 1)
            } else if (byte == 0xE3 || byte == 0xEF), index + 2 < bytes.count,
                      sentenceEndBytes.contains(where: { $0 == (byte, bytes[index + 1], bytes[index + 2]) }) {
                ends.append(index + 3)
                index += 3
                continue
            }
            index += 1
        }
        return ends
    }

    static func sentenceEndOffsets(_ bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer(sentenceEndOffsets)
    }

    /// UTF-8 of the full-width sentence ends 。；！？.
    static let sentenceEndBytes: [(UInt8, UInt8, UInt8)] = ["。", "；", "！", "？"].map { end in
        let bytes = Array(end.utf8)
        return (bytes[0], bytes[1], bytes[2])
    }

    /// Drops parenthesised asides (`（其中…其他应主动公开政府信息1053条）`): their numbers are parts, not the figure.
    static func withoutAsides(_ text: String, simple: Bool = false) -> String {
        // no bracket (ASCII, or a full-width one, EF BC 88 / EF BC 89): nothing to drop
        guard hasBracket(text) else { return text }
        var result = ""
        var depth = 0
        if simple {
            result = SimpleText.mapScalars(text) { scalar in
                if scalar == "（" || scalar == "(" { depth += 1; return nil }
                if scalar == "）" || scalar == ")" { depth = max(0, depth - 1); return nil }
                return depth == 0 ? scalar : nil
            }
        } else {
            for character in text {
                if character == "（" || character == "(" { depth += 1; continue }
                if character == "）" || character == ")" { depth = max(0, depth - 1); continue }
                if depth == 0 { result.append(character) }
            }
        }
        return depth == 0 ? result : text
    }

    /// True when the text holds `(`, `)`, `（` or `）` (tested on UTF-8 bytes).
    static func hasBracket(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                switch bytes[index] {
                case UInt8(ascii: "("), UInt8(ascii: ")"): return true
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBC && (bytes[index + 2] == 0x88 || bytes[index + 2] == 0x89):
                    return true
                default: continue
                }
            }
            return false
        }
    }

    /// Clauses split at ，；。 and at a half-width comma that is not a thousands separator (`1,024`).
    static func clauses(_ sentence: String) -> [String] {
        if SimpleText.isSimple(sentence) { return simpleClauses(sentence) }
        let characters = Array(sentence)
        var result: [String] = []
        var current = ""
        for (index, character) in characters.enumerated() {
            let thousands = character == "," && index > 0 && characters[index - 1].isNumber
                && index + 3 < characters.count && characters[(index + 1)...].prefix(3).allSatisfy(\.isNumber)
            if "，,。；;！!？?".contains(character), !thousands {
                if !current.isEmpty { result.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static let clauseEndScalars: [Unicode.Scalar] = ["，", ",", "。", "；", ";", "！", "!", "？", "?"]

    /// `clauses(_:)` of `SimpleText`, on UTF-8 bytes: there each scalar is a Character.
    static func simpleClauses(_ sentence: String) -> [String] {
        var copy = sentence
        let ranges: [Range<Int>] = copy.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            var start = 0
            var index = 0
            var previous: Unicode.Scalar?
            while index < bytes.count {
                let lead = bytes[index]
                let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let scalar = ChineseText.scalar(bytes, at: index)
                let thousands = scalar == "," && previous.map(SimpleText.isNumber) == true && numbersFollow(bytes, from: index + 1)
                if clauseEndScalars.contains(scalar), !thousands {
                    if start < index { ranges.append(start..<index) }
                    start = index + width
                }
                previous = scalar
                index += width
            }
            if start < bytes.count { ranges.append(start..<bytes.count) }
            return ranges
        }
        let utf8 = sentence.utf8
        return ranges.map { range in
            String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]))
        }
    }

    /// Three scalars follow `index`, all numbers (a thousands group after a comma).
    static func numbersFollow(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Bool {
        var index = index
        for _ in 0..<3 {
            guard index < bytes.count, SimpleText.isNumber(ChineseText.scalar(bytes, at: index)) else { return false }
            let lead = bytes[index]
            index += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        }
        return true
    }

    /// Numbers followed by a unit, with whether the wording qualifies them, the clause's text before
    /// the number and whether a colon (a list of parts) comes before it.
    static func counts(in clause: String, pattern: NSRegularExpression) -> [Count] {
        let range = NSRange(clause.startIndex..., in: clause)
        var sawColon = false
        var previousEnd: String.Index?
        var previousStart: String.Index?
        return pattern.matches(in: clause, range: range).compactMap { match in
            guard let numberRange = Range(match.range(at: 1), in: clause), let whole = Range(match.range, in: clause) else { return nil }
            if let end = previousEnd, end <= numberRange.lowerBound {
                sawColon = sawColon || clause[end..<numberRange.lowerBound].contains { $0 == "：" || $0 == ":" }
            }
            previousEnd = whole.upperBound
            // thousands separators dropped (without bridging to NSString when there are none)
            let digits = clause[numberRange]
            guard let value = digits.utf8.contains(UInt8(ascii: ",")) ? Double(String(digits.filter { $0 != "," })) : Double(digits)
            else { return nil }
            let before = clause[..<numberRange.lowerBound]
            var qualified = FigurePatterns.qualifiersBefore.contains { before.suffix(2).hasSuffix($0) }
            qualified = qualified || match.range(at: 2).location != NSNotFound || match.range(at: 3).location != NSNotFound
            // a digit just before means a longer number was cut (a year such as 2022 must not be taken apart)
            if let previous = before.last, previous.isNumber || previous == "." { return nil }
            if FigurePatterns.notAfter.contains(where: { clause[whole.upperBound...].hasPrefix($0) }) { return nil }
            let enumerated = clause[whole.upperBound...].hasPrefix("、") || (previousStart.map { clause[$0..<numberRange.lowerBound].contains("、") } ?? false)
            previousStart = whole.upperBound
            return Count(value: value, qualified: qualified, before: String(before), afterColon: sawColon, enumerated: enumerated)
        }
    }

    struct Count {
        var value: Double
        var qualified: Bool
        var before: String
        /// A colon stands between an earlier count and this one: a list of the parts follows the total.
        var afterColon: Bool
        /// An item of a list (`政务动态信息14条、通知公告信息20条`): a part, unless the list states no total.
        var enumerated = false
        /// Said to be the total: `共计63条`, `信息总数171条`.
        var isTotal: Bool { FigureExtractor.endsWithTotalWord(before) }
    }

    static func endsWithTotalWord(_ before: String) -> Bool {
        var text = Substring(before)
        while let last = text.last, last == " " || last == "：" || last == ":" { text = text.dropLast() }
        return FigurePatterns.totalWords.contains { text.hasSuffix($0) }
    }

    /// A count said to be the total (`共计63条`) in these clauses, other than `first`, when `first`
    /// is an item of a list.
    static func statedTotal(_ clauses: ArraySlice<String>, after first: Count, pattern: NSRegularExpression) -> Count? {
        guard first.enumerated else { return nil }
        for clause in clauses {
            if let total = counts(in: clause, pattern: pattern).first(where: { $0.isTotal && !$0.afterColon && $0.value != first.value }) {
                return total
            }
        }
        return nil
    }

    /// Nothing names the number: `120条、150条`.
    static func isBare(_ before: String) -> Bool {
        guard let last = before.last else { return true }
        return "、，,和及与或".contains(last)
    }

    /// The number's noun is the figure's (`政府信息36条`), not a part's (`规章22件`, `动态类信息34条`).
    static func hasNoun(_ before: String, _ nouns: [String]) -> Bool {
        var text = Substring(before)
        var trimmed = true
        while trimmed {
            trimmed = false
            for filler in FigurePatterns.fillersBefore where text.hasSuffix(filler) {
                text = text.dropLast(filler.count)
                trimmed = true
            }
        }
        guard nouns.contains(where: { text.hasSuffix($0) }) else { return false }
        if FigurePatterns.totalNouns.contains(where: { text.hasSuffix($0) }) { return true }
        return !FigurePatterns.partNouns.contains { text.hasSuffix($0) }
    }

    /// `1047篇`, `300余篇`, `10件以上`: the number, then 余/多, the unit, then 以上/左右.
    static func countPattern(_ units: [String]) -> NSRegularExpression {
        Pattern.make(#"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(余|多)?"# + Pattern.alternatives(units) + "(" + FigurePatterns.qualifiersAfter.joined(separator: "|") + ")?")
    }

    static func firstFigure(_ rules: [FigurePatterns.Rule], in sentences: [Sentence]) -> NarrativeFigure? {
        for rule in rules {
            // a clause is a piece of its sentence: a sentence without the clause words has no such clause
            for sentence in sentences where rule.sentenceWords.allSatisfy({ group in group.contains { ChineseText.has(sentence.text, $0) } })
                && rule.clauseWords.allSatisfy({ group in group.contains { ChineseText.has(sentence.text, $0) } }) {
                if rule.excludedWords.contains(where: { ChineseText.has(sentence.text, $0) }) { continue }
                let sentenceClauses = clauses(sentence.text)
                for (index, clause) in sentenceClauses.enumerated() where rule.clauseWords.allSatisfy({ group in group.contains { ChineseText.has(clause, $0) } }) {
                    let all = counts(in: clause, pattern: rule.countPattern)
                    let found = rule.nounsBefore.map { nouns in all.filter { hasNoun($0.before, nouns) } } ?? all
                    guard let first = found.first else { continue }
                    // the first item of a list (`信息14条、…，共计63条`) gives way to the total the sentence states
                    if rule.nounsBefore != nil, let total = statedTotal(sentenceClauses[index...], after: first, pattern: rule.countPattern) {
                        return NarrativeFigure(value: total.value, line: sentence.line, excerpt: excerpt(sentence.printed ?? sentence.text),
                                               uncertain: total.qualified)
                    }
                    // the parts listed after a colon (`总数171条：…124条，…34条`) or named by their own
                    // noun (`规章22件`) do not contest the total; a bare `、150条` does
                    let rivals = all.filter { count in
                        !count.afterColon && (rule.nounsBefore.map { hasNoun(count.before, $0) || isBare(count.before) } ?? true)
                    }
                    let contested = Set(rivals.map(\.value)).count > 1
                    return NarrativeFigure(value: first.value, line: sentence.line, excerpt: excerpt(sentence.printed ?? sentence.text),
                                           uncertain: first.qualified || contested)
                }
            }
        }
        return nil
    }

    /// The first statement about applications: a count, or `未接到相关申请` (0).
    static func applications(in sentences: [Sentence]) -> NarrativeFigure? {
        for sentence in sentences {
            if ChineseText.has(sentence.text, FigurePatterns.noApplicationsContext),
               FigurePatterns.noApplications.contains(where: { ChineseText.has(sentence.text, $0) }) {
                return NarrativeFigure(value: 0, line: sentence.line, excerpt: excerpt(sentence.printed ?? sentence.text))
            }
            if let figure = firstFigure(FigurePatterns.applicationsReceived, in: [sentence]) { return figure }
        }
        return nil
    }

    static func excerpt(_ text: String) -> String {
        let trimmed = Whitespace.trimmed(text)
        return trimmed.count <= 160 ? trimmed : String(trimmed.prefix(160)) + "…"
    }
}
