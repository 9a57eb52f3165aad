import Foundation

/// Text → `DocumentLine`s with file line numbers. A page scraped into one huge line is split at
/// its section headings into segments that all keep that line's number.
enum DocumentSplitter {
    static func lines(of text: String, startLine: Int) -> [DocumentLine] {
        var result: [DocumentLine] = []
        for (offset, line) in SimpleText.lineStrings(text).enumerated() {
            let number = startLine + offset
            if mayRunTogether(line) {
                result += segments(of: line).map { DocumentLine(number: number, text: $0) }
            } else {
                result.append(DocumentLine(number: number, text: line))
            }
        }
        return result
    }

    /// Splits at `N、<section title>` occurrences when at least two different sections are found.
    static func segments(of line: String) -> [String] {
        let pieces = SimpleText.isSimple(line) ? simplePieces(of: line) : characterPieces(of: line)
        guard let pieces else { return [line] }
        // a Markdown heading's `####` is left at the end of the piece before it
        return pieces.map { Whitespace.trimmed(PageChrome.strip($0), where: headingEnds.contains) }.filter { !$0.isEmpty }
    }

    /// The pieces of `segments`, Character by Character; nil when the line is not to be cut.
    static func characterPieces(of line: String) -> [String]? {
        let characters = Array(line)
        var cuts: [(index: Int, section: Int)] = []
        for index in characters.indices.dropFirst() where characters[index] == "、" {
            guard let numeral = ChineseText.numerals[characters[index - 1]], numeral <= 6 else { continue }
            let following = String(characters[(index + 1)..<min(characters.count, index + 1 + longestTitle)])
            for (section, titles) in SectionHeadingVariants.titles where titles.contains(where: { following.hasPrefix($0) }) {
                cuts.append((index - 1, section))
            }
        }
        return pieces(characters, cuts: cuts).map { $0.map { String($0) } }
    }

    /// `characterPieces` of simple text, on UTF-8 bytes: there each Character is one scalar, so
    /// a byte match of whole scalars is a Character match.
    static func simplePieces(of line: String) -> [String]? {
        var line = line
        return line.withUTF8 { bytes in
            var cuts: [(index: Int, section: Int)] = []
            var index = 3
            while index + 3 <= bytes.count {
                defer { index += 1 }
                // `、` (E3 80 81) after a numeral 一…六 (three bytes each)
                guard bytes[index] == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x81 else { continue }
                let before = (bytes[index - 3], bytes[index - 2], bytes[index - 1])
                guard headingNumeralBytes.contains(where: { $0 == before }) else { continue }
                let following = bytes[(index + 3)...]
                for (section, titles) in titleBytes where titles.contains(where: { following.starts(with: $0) }) {
                    cuts.append((index - 3, section))
                }
            }
            return Self.pieces(Array(bytes), cuts: cuts)?.map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// `SectionHeadingVariants.titles` as UTF-8.
    static let titleBytes: [Int: [[UInt8]]] = SectionHeadingVariants.titles.mapValues { $0.map { Array($0.utf8) } }

    /// The line cut before each cut's numeral, when the cuts name at least two sections.
    static func pieces<Element>(_ elements: [Element], cuts: [(index: Int, section: Int)]) -> [ArraySlice<Element>]? {
        guard Set(cuts.map(\.section)).count >= 2 else { return nil }
        let starts = Array(Set(cuts.map(\.index))).sorted()
        var pieces: [ArraySlice<Element>] = []
        var previous = 0
        for start in starts where start > previous {
            pieces.append(elements[previous..<start])
            previous = start
        }
        pieces.append(elements[previous...])
        return pieces
    }

    /// `ChineseText.numerals` by scalar.
    static let numeralScalars: [Unicode.Scalar: Int] = Dictionary(
        uniqueKeysWithValues: ChineseText.numerals.compactMap { key, value in key.unicodeScalars.first.map { ($0, value) } })

    /// A cheap necessary condition for `segments` to cut the line, tested on UTF-8 bytes before
    /// counting Characters: the line is long enough and some `、` follows a numeral 一…六.
    static func mayRunTogether(_ line: String) -> Bool {
        line.utf8.count >= SectionHeadingVariants.runTogetherLineLength && hasNumberedComma(line)
            && ChineseText.isLonger(line, than: SectionHeadingVariants.runTogetherLineLength - 1)
    }

    static func hasNumberedComma(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            guard bytes.count >= 6 else { return false }
            for index in 3...(bytes.count - 3) where bytes[index] == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x81 {
                let before = (bytes[index - 3], bytes[index - 2], bytes[index - 1])
                if headingNumeralBytes.contains(where: { $0 == before }) { return true }
            }
            return false
        }
    }

    /// UTF-8 of 一…六, and of U+F9D1 (a compatibility 六 that Character comparison equates with 六).
    static let headingNumeralBytes: [(UInt8, UInt8, UInt8)] = ["一", "二", "三", "四", "五", "六", "\u{F9D1}"].map { numeral in
        let bytes = Array(numeral.utf8)
        return (bytes[0], bytes[1], bytes[2])
    }

    static let headingEnds: Set<Unicode.Scalar> = ["#", " "]

    static let longestTitle = SectionHeadingVariants.titles.values.flatMap { $0 }.map(\.count).max() ?? 0
}
