import Foundation
import GongkaiModel

/// Finds the six mandated sections among a report's lines by their titles, in order.
enum SectionFinder {
    struct Result {
        var sections: [Section] = []
        /// Index range into the lines for each section number found.
        var ranges: [Int: Range<Int>] = [:]
        var diagnostics: [Diagnostic] = []
    }

    /// A line that may be a section heading.
    struct Candidate {
        var index: Int
        var section: Int
        var score: Double
        var numeral: Int?
        var title: String
        var weight: Double { score + (numeral == section ? 0.1 : 0) }
    }

    static func find(in lines: [DocumentLine]) -> Result {
        let candidates = lines.indices.prefix(20_000).flatMap { headingCandidates(at: $0, lines[$0].text) }
        var chosen = bestOrderedChoice(candidates.prefix(400).map { $0 })
        var diagnostics: [Diagnostic] = []
        chosen += outOfOrderExtras(candidates, chosen: chosen, lines: lines, diagnostics: &diagnostics)
        if let inferred = inferSectionFive(lines, chosen: chosen) {
            chosen.append(inferred)
            diagnostics.append(Diagnostic(
                line: lines[inferred.index].number, severity: .warning, code: "section.inferred",
                message: "section 五 「\(SectionTitle.official[4])」 has no heading; taken to start at 「\(inferred.title)」"))
        }
        chosen.sort { $0.index < $1.index }
        diagnostics += headingNotes(chosen, lines: lines)
        var result = spans(chosen, lines: lines)
        for number in 1...6 where result.ranges[number] == nil {
            diagnostics.append(Diagnostic(
                line: nil, severity: .warning, code: "section.missing",
                message: "section \(SectionTitle.numerals[number - 1]) 「\(SectionTitle.official[number - 1])」 not found"))
        }
        result.diagnostics = diagnostics.sorted { ($0.line ?? Int.max) < ($1.line ?? Int.max) }
        return result
    }

    // MARK: candidates

    static func headingCandidates(at index: Int, _ text: String) -> [Candidate] {
        isLongProse(text) || opensLikeTableRow(text) ? [] : candidatesFromKey(at: index, text)
    }

    /// A line whose match key opens with `(` or a number that is no heading numeral (`1.`,
    /// `（一）`, `七、`, table rows mostly): `candidatesFromKey` finds nothing in it. Decided on
    /// its first two scalars, without building the key; only when both are simple text, where
    /// the first scalar is the key's first Character.
    static func opensLikeTableRow(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.lazy.filter { !matchKeyDrops($0) }.makeIterator()
        guard let first = scalars.next(), SimpleText.isSimple(first), !numberingOpeners.contains(first) else { return false }
        if let second = scalars.next(), !SimpleText.isSimple(second) { return false }
        return first == "(" || first == "（" || SimpleText.isNumber(first)
    }

    static func candidatesFromKey(at index: Int, _ text: String) -> [Candidate] {
        let key = ChineseText.matchKey(text)
        guard !key.isEmpty else { return [] }
        // the titles and labels are simple text: on a simple line, prefixes compare as bytes
        let simple = SimpleText.isSimple(key)
        let isLonger = { (text: Substring, limit: Int) in
            simple ? SimpleText.isLonger(text, than: limit) : ChineseText.isLonger(text, than: limit)
        }
        guard let (numeral, numbered, rest) = simple ? simpleNumbering(key) : numbering(key) else { return [] }
        guard !rest.isEmpty, !SectionHeadingVariants.tableRowLabels.contains(where: { SimpleText.hasPrefix(rest, $0, simple: simple) }) else {
            return []
        }
        let threshold = numbered ? SectionHeadingVariants.numberedThreshold : SectionHeadingVariants.unnumberedThreshold
        var found: [Candidate] = []
        let short = !isLonger(rest, 30)
        var clean: String?  // the line as written, once a section matches
        let restScalars = short ? scalars(of: rest) : []
        // how many of the line's scalars each section's titles hold, counted once for all sections
        let titleCounts = short ? SectionHeadingVariants.titleScalarCounts(restScalars) : SIMD8<Int32>()
        for (section, titles, scalars, _) in SectionHeadingVariants.titleEntries {
            var best = 0.0
            var title: String?  // the longest title the line starts with
            // the common subsequence with a title is at most the line's scalars found in any title of the section
            let inSection = short && (1...8).contains(section) ? Int(titleCounts[section - 1]) : 0
            for (variant, variantScalars) in zip(titles, scalars) {
                if numbered, SimpleText.hasPrefix(rest, variant, simple: simple) {
                    if best < 1 || (title?.count ?? 0) < variant.count { title = variant }
                    best = 1
                } else if short, 2 * Double(min(inSection, variantScalars.count)) / Double(restScalars.count + variantScalars.count) >= threshold {
                    best = max(best, ChineseText.similarity(restScalars, variantScalars, atLeast: threshold))
                }
            }
            if best >= threshold {
                // as written; a heading run together with its text is cut after the title
                let line = clean ?? asWritten(text)
                clean = line
                // `rest` is the key after its numbering: the numbering is the key up to it (counting
                // the Characters of a run-together page's whole key is slow)
                let written = !ChineseText.isLonger(line, than: 40) ? line : String(key[..<rest.startIndex]) + (title ?? String(rest))
                found.append(Candidate(index: index, section: section, score: best, numeral: numeral, title: written))
            }
        }
        return found
    }

    /// The numbering a key opens with (`一、`, `第一部分`, `、`), whether it has one, and the key
    /// after it; nil for a key that cannot be a heading (opening with `(` or a number, or long).
    static func numbering(_ key: String) -> (numeral: Int?, numbered: Bool, rest: Substring)? {
        guard let first = key.first else { return nil }
        if let value = ChineseText.numerals[first], value <= 6, ChineseText.isLonger(key, than: 1),
           SectionHeadingVariants.numeralSeparators.contains(key[key.index(after: key.startIndex)]) {
            return (value, true, key.dropFirst(2))
        } else if let value = ordinalPart(key) {
            // `第一部分 总体情况`
            return (value, true, key.dropFirst(4))
        } else if first == "、" {
            return (nil, true, key.dropFirst())
        } else if first == "(" || first.isNumber || ChineseText.isLonger(key, than: 24) {
            return nil
        }
        return (nil, false, Substring(key))
    }

    /// `numbering` of a simple key, scalar by scalar: there each scalar is a Character.
    static func simpleNumbering(_ key: String) -> (numeral: Int?, numbered: Bool, rest: Substring)? {
        let scalars = key.unicodeScalars
        guard let first = scalars.first else { return nil }
        let second = scalars.dropFirst().first
        if let value = numeralScalars.first(where: { $0.scalar == first })?.value, value <= 6, let second,
           SectionHeadingVariants.numeralSeparatorScalars.contains(second) {
            return (value, true, Substring(scalars.dropFirst(2)))
        } else if let value = ordinalPart(key) {
            return (value, true, Substring(scalars.dropFirst(4)))
        } else if first == "、" {
            return (nil, true, Substring(scalars.dropFirst()))
        } else if first == "(" || SimpleText.isNumber(first) || SimpleText.isLonger(key, than: 24) {
            return nil
        }
        return (nil, false, Substring(key))
    }

    /// `ChineseText.numerals` by scalar, as a list: ten comparisons cost less than hashing a scalar.
    static let numeralScalars: [(scalar: Unicode.Scalar, value: Int)] = DocumentSplitter.numeralScalars.map { ($0.key, $0.value) }

    /// `Array(text.unicodeScalars)`, without the generic collection initialiser.
    static func scalars(of text: Substring) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { result.append(scalar) }
        return result
    }

    /// A line whose match key opens with no heading numbering and is longer than 24 characters:
    /// `headingCandidates` finds nothing in it. Decided on its first scalars, without building the
    /// key (most lines are prose); only when those are simple text, where a scalar is a Character.
    static func isLongProse(_ text: String) -> Bool {
        var count = 0
        for scalar in text.unicodeScalars where !matchKeyDrops(scalar) {
            guard SimpleText.isSimple(scalar) else { return false }
            if count == 0, numberingOpeners.contains(scalar) { return false }
            count += 1
            if count > 24 { return true }
        }
        return false
    }

    /// What `ChineseText.matchKey` removes.
    static func matchKeyDrops(_ scalar: Unicode.Scalar) -> Bool {
        ChineseText.isSpace(scalar) || scalar == "*" || scalar == "#" || scalar == "|"
    }

    /// First characters of a numbered heading's key: 一…六 (`一、`), 第 (`第一部分`), `、`.
    static let numberingOpeners: [Unicode.Scalar] = ["一", "二", "三", "四", "五", "六", "第", "、"]

    /// The numeral of a `第X部分` prefix.
    static func ordinalPart(_ key: String) -> Int? {
        guard key.unicodeScalars.first == "第" else { return nil }  // nothing else equals 第
        let characters = Array(key.prefix(4))
        guard characters.count == 4, characters[0] == "第", characters[2] == "部", characters[3] == "分",
              let value = ChineseText.numerals[characters[1]], value <= 6 else { return nil }
        return value
    }

    /// The heaviest set of candidates whose lines and section numbers both increase (weighted LIS).
    static func bestOrderedChoice(_ candidates: [Candidate]) -> [Candidate] {
        let sorted = candidates.sorted { ($0.index, $0.section) < ($1.index, $1.section) }
        var best = [Double](repeating: 0, count: sorted.count)
        var previous = [Int?](repeating: nil, count: sorted.count)
        for i in sorted.indices {
            best[i] = sorted[i].weight
            for j in 0..<i where sorted[j].index < sorted[i].index && sorted[j].section < sorted[i].section {
                if best[j] + sorted[i].weight > best[i] {
                    best[i] = best[j] + sorted[i].weight
                    previous[i] = j
                }
            }
        }
        guard let end = best.indices.max(by: { best[$0] < best[$1] }) else { return [] }
        var chain: [Candidate] = []
        var cursor: Int? = end
        while let at = cursor {
            chain.append(sorted[at])
            cursor = previous[at]
        }
        return chain.reversed()
    }

    /// An exact heading that the ordering left out, for a section otherwise missing: kept, with a warning.
    static func outOfOrderExtras(_ candidates: [Candidate], chosen: [Candidate], lines: [DocumentLine], diagnostics: inout [Diagnostic]) -> [Candidate] {
        var taken = Set(chosen.map(\.index))
        var sections = Set(chosen.map(\.section))
        var extras: [Candidate] = []
        for candidate in candidates where candidate.score >= 0.95 && candidate.numeral == candidate.section
            && !taken.contains(candidate.index) && !sections.contains(candidate.section) {
            extras.append(candidate)
            taken.insert(candidate.index)
            sections.insert(candidate.section)
            diagnostics.append(Diagnostic(
                line: lines[candidate.index].number, severity: .warning, code: "section.outOfOrder",
                message: "section \(SectionTitle.numerals[candidate.section - 1]) 「\(candidate.title)」 is out of order"))
        }
        return extras
    }

    /// Section 五 without a heading: between 四 (or 三) and 六, the first line opening like 「（一）主要问题」.
    static func inferSectionFive(_ lines: [DocumentLine], chosen: [Candidate]) -> Candidate? {
        guard !chosen.contains(where: { $0.section == 5 }),
              let six = chosen.first(where: { $0.section == 6 }),
              let before = chosen.filter({ $0.section == 4 || $0.section == 3 }).map(\.index).max(), before < six.index
        else { return nil }
        for index in (before + 1)..<six.index {
            let key = ChineseText.matchKey(lines[index].text)
            guard key.count <= 30 else { continue }
            let body = key.hasPrefix("(一)") ? key.dropFirst(3) : Substring(key)
            if SectionHeadingVariants.sectionFiveOpeners.contains(where: { body.hasPrefix($0) }) {
                return Candidate(index: index, section: 5, score: 0.5, numeral: nil, title: asWritten(lines[index].text))
            }
        }
        return nil
    }

    static func headingNotes(_ chosen: [Candidate], lines: [DocumentLine]) -> [Diagnostic] {
        chosen.compactMap { candidate in
            guard candidate.score >= 0.6 else { return nil }  // inferred headings have their own diagnostic
            let line = lines[candidate.index].number
            let expected = SectionTitle.numerals[candidate.section - 1]
            if let numeral = candidate.numeral, numeral != candidate.section {
                return Diagnostic(line: line, severity: .note, code: "section.numbering",
                                  message: "heading 「\(candidate.title)」 is numbered \(SectionTitle.numerals[numeral - 1]) but is section \(expected)")
            }
            if candidate.numeral == nil {
                return Diagnostic(line: line, severity: .note, code: "section.numeralMissing",
                                  message: "heading 「\(candidate.title)」 has no numeral; read as section \(expected)")
            }
            if candidate.score < 0.95 {
                return Diagnostic(line: line, severity: .note, code: "section.headingVariant",
                                  message: "heading 「\(candidate.title)」 read as section \(expected) 「\(SectionTitle.official[candidate.section - 1])」")
            }
            return nil
        }
    }

    // MARK: spans

    static func spans(_ chosen: [Candidate], lines: [DocumentLine]) -> Result {
        var result = Result()
        for (position, candidate) in chosen.enumerated() {
            let end = position + 1 < chosen.count ? chosen[position + 1].index : lines.count
            guard candidate.index < end else { continue }
            var last = end - 1
            while last > candidate.index, Whitespace.isBlank(lines[last].text) { last -= 1 }
            let range = candidate.index..<(last + 1)
            result.ranges[candidate.section] = range
            result.sections.append(Section(
                number: candidate.section, title: candidate.title,
                line: lines[candidate.index].number, endLine: lines[last].number,
                text: lines[range].map(\.text).joined(separator: "\n")))
        }
        return result
    }

    /// A heading as written, without Markdown markers or OCR spaces.
    static func asWritten(_ text: String) -> String {
        Whitespace.trimmed(ChineseText.collapsingOCRSpaces(text), where: headingMarkerScalars.contains)
    }

    static let headingMarkerScalars: Set<Unicode.Scalar> = ["#", "*", ">", "|", " ", "\t"]
}
