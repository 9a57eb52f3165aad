import Foundation
import GongkaiModel

/// Reads the narrative figures (主动公开 items, 新媒体 posts, applications received) from the
/// report's prose. Never a year or a date; a qualified or contested number is marked uncertain.
enum FigureExtractor {
    struct Sentence {
        var text: String
        var line: Int
    }

    static func extract(from lines: [DocumentLine]) -> Figures {
        let sentences = self.sentences(Passage(lines[...]))
        return Figures(
            proactiveItems: firstFigure(FigurePatterns.proactiveItems, in: sentences),
            newMediaPosts: firstFigure(FigurePatterns.newMediaPosts, in: sentences),
            applicationsReceived: applications(in: sentences))
    }

    static func sentences(_ passage: Passage) -> [Sentence] {
        var result: [Sentence] = []
        var offset = 0
        for piece in passage.text.split(separator: "\n", omittingEmptySubsequences: false) {
            var sentence = ""
            var start = offset
            for character in piece {
                sentence.append(character)
                if "。；;！!？?".contains(character) {
                    result.append(Sentence(text: withoutAsides(sentence), line: passage.line(at: start) ?? 0))
                    start += sentence.utf16.count
                    sentence = ""
                }
            }
            if !sentence.isEmpty { result.append(Sentence(text: withoutAsides(sentence), line: passage.line(at: start) ?? 0)) }
            offset += piece.utf16.count + 1
        }
        return result
    }

    /// Drops parenthesised asides (`（其中…其他应主动公开政府信息1053条）`): their numbers are parts, not the figure.
    static func withoutAsides(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in text {
            if character == "（" || character == "(" { depth += 1; continue }
            if character == "）" || character == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { result.append(character) }
        }
        return depth == 0 ? result : text
    }

    static func clauses(_ sentence: String) -> [String] {
        sentence.split(whereSeparator: { "，,。；;！!？?".contains($0) }).map(String.init)
    }

    /// Numbers followed by a unit, with whether the wording qualifies them.
    static func counts(in clause: String, units: [String]) -> [(value: Double, qualified: Bool)] {
        let pattern = countPattern(units)
        let range = NSRange(clause.startIndex..., in: clause)
        return pattern.matches(in: clause, range: range).compactMap { match in
            guard let numberRange = Range(match.range(at: 1), in: clause), let value = Double(clause[numberRange]) else { return nil }
            let before = clause[..<numberRange.lowerBound].suffix(2)
            var qualified = FigurePatterns.qualifiersBefore.contains { before.hasSuffix($0) }
            qualified = qualified || match.range(at: 2).location != NSNotFound || match.range(at: 3).location != NSNotFound
            // a digit just before means a longer number was cut (a year such as 2022 must not be taken apart)
            if let previous = clause[..<numberRange.lowerBound].last, previous.isNumber || previous == "." { return nil }
            return (value, qualified)
        }
    }

    nonisolated(unsafe) private static var patternCache: [String: NSRegularExpression] = [:]
    private static let cacheLock = NSLock()

    static func countPattern(_ units: [String]) -> NSRegularExpression {
        let key = units.joined(separator: "|")
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let cached = patternCache[key] { return cached }
        let pattern = Pattern.make(
            #"(\d+(?:\.\d+)?)(余|多)?"# + Pattern.alternatives(units) + "(" + FigurePatterns.qualifiersAfter.joined(separator: "|") + ")?")
        patternCache[key] = pattern
        return pattern
    }

    static func firstFigure(_ rules: [FigurePatterns.Rule], in sentences: [Sentence]) -> NarrativeFigure? {
        for rule in rules {
            for sentence in sentences where rule.sentenceWords.allSatisfy({ group in group.contains { sentence.text.contains($0) } }) {
                for clause in clauses(sentence.text) where rule.clauseWords.allSatisfy({ group in group.contains { clause.contains($0) } }) {
                    let found = counts(in: clause, units: rule.units)
                    guard let first = found.first else { continue }
                    let contested = Set(found.map(\.value)).count > 1
                    return NarrativeFigure(value: first.value, line: sentence.line, excerpt: excerpt(sentence.text),
                                           uncertain: first.qualified || contested)
                }
            }
        }
        return nil
    }

    /// The first statement about applications: a count, or `未接到相关申请` (0).
    static func applications(in sentences: [Sentence]) -> NarrativeFigure? {
        for sentence in sentences {
            if sentence.text.contains(FigurePatterns.noApplicationsContext),
               FigurePatterns.noApplications.contains(where: { sentence.text.contains($0) }) {
                return NarrativeFigure(value: 0, line: sentence.line, excerpt: excerpt(sentence.text))
            }
            if let figure = firstFigure(FigurePatterns.applicationsReceived, in: [sentence]) { return figure }
        }
        return nil
    }

    static func excerpt(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.count <= 160 ? trimmed : String(trimmed.prefix(160)) + "…"
    }
}
