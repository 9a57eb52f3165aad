/// Finds which row a printed label names: by key phrase first, then (for OCR typos such as
/// 其他法律行政止公开) by how much of an official label the text holds in order.
struct LabelMatcher<Row: Hashable & Sendable>: Sendable {
    enum Match: Equatable {
        case exact(Row)
        case approximate(Row)

        var row: Row {
            switch self {
            case .exact(let row), .approximate(let row): row
            }
        }
    }

    let entries: [RowKeys<Row>]
    /// Labels longer than this are prose, not a row label.
    let maxLabelLength: Int

    /// The row a normalised label names, restricted to `allowed` rows.
    func match(_ label: String, allowed: Set<Row>) -> Match? {
        restricted(to: allowed).match(label)
    }

    /// The matcher for the `allowed` rows only. A reader asks about every line: testing each
    /// entry's row against the set each time hashes the row's name over and over.
    func restricted(to allowed: Set<Row>) -> LabelMatcher {
        LabelMatcher(entries: entries.filter { allowed.contains($0.row) }, maxLabelLength: maxLabelLength)
    }

    /// The row a normalised label names, among all entries.
    func match(_ label: String) -> Match? {
        guard !label.isEmpty, !ChineseText.isLonger(label, than: maxLabelLength) else { return nil }
        if let row = exactMatch(label) { return .exact(row) }
        if let row = approximateMatch(label) { return .approximate(row) }
        return nil
    }

    func exactMatch(_ label: String, allowed: Set<Row>) -> Row? {
        restricted(to: allowed).exactMatch(label)
    }

    /// The item row with the longest key in the label; group rows only when no item matches.
    func exactMatch(_ label: String) -> Row? {
        var label = label
        // searched in the label's own storage, without copying it to an array
        return label.withUTF8 { exactMatch(in: $0) }
    }

    private func exactMatch(in text: UnsafeBufferPointer<UInt8>) -> Row? {
        var best: (row: Row, isGroup: Bool, length: Int)?
        for entry in entries {
            for key in entry.keyBytes where key.withUnsafeBufferPointer({ TextSearch.firstIndex(of: $0, in: text) != nil }) {
                let candidate = (row: entry.row, isGroup: entry.isGroup, length: key.count)
                if let current = best {
                    let better = (current.isGroup && !candidate.isGroup)
                        || (current.isGroup == candidate.isGroup && candidate.length > current.length)
                    if better { best = candidate }
                } else {
                    best = candidate
                }
            }
        }
        return best?.row
    }

    func approximateMatch(_ label: String, allowed: Set<Row>) -> Row? {
        restricted(to: allowed).approximateMatch(label)
    }

    /// A label that holds at least 70% of an official label, in order, and is mostly that label.
    func approximateMatch(_ label: String) -> Row? {
        approximateMatch(Array(LabelText.withoutNumbering(label).unicodeScalars), among: entries.filter { !$0.isGroup })
    }

    /// The entry whose official label `text` resembles best, when unambiguous.
    func approximateMatch(_ text: [Unicode.Scalar], among entries: [RowKeys<Row>]) -> Row? {
        guard text.count >= 3 else { return nil }
        var best: (row: Row, score: Double)?
        var tie = false
        for entry in entries {
            for official in entry.official {
                let target = Array(official.unicodeScalars)
                // A score of 0.7 needs both lengths within 1/0.7 of each other: skip the LCS otherwise.
                guard target.count >= 4, Double(text.count) * 0.7 <= Double(target.count),
                      Double(target.count) * 0.7 <= Double(text.count) else { continue }
                let common = Double(Self.longestCommonSubsequence(text, target))
                let score = min(common / Double(target.count), common / Double(text.count))
                guard score >= 0.7 else { continue }
                if let current = best {
                    if score > current.score {
                        best = (entry.row, score)
                        tie = false
                    } else if score == current.score, current.row != entry.row {
                        tie = true
                    }
                } else {
                    best = (entry.row, score)
                }
            }
        }
        return tie ? nil : best?.row
    }

    static func longestCommonSubsequence(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for i in 1...a.count {
            for j in 1...b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
