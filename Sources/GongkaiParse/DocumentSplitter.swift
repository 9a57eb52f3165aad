import Foundation

/// Text → `DocumentLine`s with file line numbers. A page scraped into one huge line is split at
/// its section headings into segments that all keep that line's number.
enum DocumentSplitter {
    static func lines(of text: String, startLine: Int) -> [DocumentLine] {
        var result: [DocumentLine] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = startLine + offset
            let line = String(raw)
            if line.count >= SectionHeadingVariants.runTogetherLineLength {
                result += segments(of: line).map { DocumentLine(number: number, text: $0) }
            } else {
                result.append(DocumentLine(number: number, text: line))
            }
        }
        return result
    }

    /// Splits at `N、<section title>` occurrences when at least two different sections are found.
    static func segments(of line: String) -> [String] {
        var cuts: [(index: String.Index, section: Int)] = []
        for (section, titles) in SectionHeadingVariants.titles {
            for title in titles {
                var searchStart = line.startIndex
                while let found = line.range(of: "、" + title, range: searchStart..<line.endIndex) {
                    searchStart = found.upperBound
                    guard found.lowerBound > line.startIndex else { continue }
                    let numeralIndex = line.index(before: found.lowerBound)
                    guard let numeral = ChineseText.numerals[line[numeralIndex]], numeral <= 6 else { continue }
                    cuts.append((numeralIndex, section))
                }
            }
        }
        guard Set(cuts.map(\.section)).count >= 2 else { return [line] }
        let starts = Array(Set(cuts.map(\.index))).sorted()
        var pieces: [String] = []
        var previous = line.startIndex
        for start in starts where start > previous {
            pieces.append(String(line[previous..<start]))
            previous = start
        }
        pieces.append(String(line[previous...]))
        return pieces.map(PageChrome.strip).filter { !$0.isEmpty }
    }
}
