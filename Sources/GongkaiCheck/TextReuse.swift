import GongkaiModel

/// How much of one text repeats another (照搬照抄), measured on characters:
///
/// 1. Only letters count: Chinese characters and Latin letters. Spacing, punctuation, Markdown
///    marks and digits are dropped (a copied text with this year's numbers put in is still copied).
/// 2. What every report must print is cut out before comparing: the six sections' official
///    headings and the labels of 表二, 表三 and 表四 (`boilerplate`). The text is split where they
///    were, so no shingle spans a cut.
/// 3. Each run of `shingleLength` consecutive characters is a shingle (hashed to 64 bits).
/// 4. The share of text A that repeats text B is |shingles(A) ∩ shingles(B)| ÷ |shingles(A)|:
///    the part of A's wording found in B, whatever B holds besides.
///
/// A text with fewer than `minimumShingles` shingles (some 50 characters of its own) is not
/// measured: a short section may match by chance and is never called copied.
public enum TextReuse {
    public static let shingleLength = 10
    public static let minimumShingles = 40

    /// The national format's fixed wording, letters only, longest first.
    static let boilerplate: [[Unicode.Scalar]] = {
        let labels: [String] = SectionTitle.official + ApplicationRow.allCases.map(\.label) + OutcomeGroup.allCases.map(\.label)
            + ApplicantColumn.allCases.map(\.label) + ReviewColumn.allCases.map(\.label) + ReviewGroup.allCases.map(\.label)
            + ProactiveItem.allCases.map(\.label) + ProactiveItem.allCases.map(\.article)
            + ProactiveColumn.allCases.flatMap { column in ReportFormat.allCases.flatMap { format in ProactiveItem.allCases.map { column.label(in: format, item: $0) } } }
            + extraLabels
        let unique = Set(labels.map { TextReuse.letters($0) }).filter { $0.count >= 2 }
        return unique.sorted { $0.count != $1.count ? $0.count > $1.count : String(String.UnicodeScalarView($0)) < String(String.UnicodeScalarView($1)) }
    }()

    /// Headers of the tables that are not row or column labels of the model.
    static let extraLabels = [
        "信息内容", "申请人情况", "法人或其他组织", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "本年度办理结果",
        "政府信息公开工作年度报告", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议行政诉讼情况",
        "本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "结转下年度继续办理", "不予公开", "无法提供", "不予处理", "其他处理",
    ]

    /// The letters of a text (Chinese characters, Latin letters), in order.
    static func letters(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count / 3)
        for scalar in text.unicodeScalars where isLetter(scalar) { out.append(scalar) }
        return out
    }

    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value | 0x20 >= 0x61 && value | 0x20 <= 0x7A }
        if value >= 0x4E00 && value <= 0x9FFF { return true }
        return value > 0x2FFF && scalar.properties.isAlphabetic
    }

    /// The runs of a text's letters between the cut-out boilerplate.
    public static func segments(_ text: String) -> [[Unicode.Scalar]] {
        let all = letters(text)
        var segments: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var index = 0
        while index < all.count {
            if let label = boilerplateMatch(all, at: index) {
                if !current.isEmpty { segments.append(current) }
                current = []
                index += label
            } else {
                current.append(all[index])
                index += 1
            }
        }
        if !current.isEmpty { segments.append(current) }
        return segments
    }

    /// The length of the longest boilerplate label starting at `index`, if any.
    static func boilerplateMatch(_ text: [Unicode.Scalar], at index: Int) -> Int? {
        for label in boilerplate where label[0] == text[index] && index + label.count <= text.count {
            var matches = true
            for offset in 1..<label.count where text[index + offset] != label[offset] {
                matches = false
                break
            }
            if matches { return label.count }
        }
        return nil
    }

    /// The text's shingles, hashed (FNV-1a over the scalars).
    public static func shingles(_ text: String) -> Set<UInt64> {
        var set: Set<UInt64> = []
        for segment in segments(text) { forEachShingle(segment) { set.insert($1) } }
        return set
    }

    /// Calls `body(start, hash)` for each shingle of a run of letters.
    static func forEachShingle(_ segment: [Unicode.Scalar], _ body: (Int, UInt64) -> Void) {
        guard segment.count >= shingleLength else { return }
        for start in 0...(segment.count - shingleLength) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for offset in 0..<shingleLength {
                hash = (hash ^ UInt64(segment[start + offset].value)) &* 0x100_0000_01b3
            }
            body(start, hash)
        }
    }

    /// The share of `text`'s shingles found in `other`; nil when `text` is too short to measure.
    public static func share(of text: Set<UInt64>, in other: Set<UInt64>) -> Double? {
        guard text.count >= minimumShingles else { return nil }
        let common = text.count <= other.count ? text.intersection(other).count : other.intersection(text).count
        return Double(common) / Double(text.count)
    }

    public static func share(of text: String, in other: String) -> Double? { share(of: shingles(text), in: shingles(other)) }
}

extension TextReuse {
    /// `text` cut into runs, each marked when it lies in a shingle found in `other` (a passage
    /// repeated from the other text): the letters of every shared shingle, and what stands between
    /// two marked letters of one run.
    public static func marked(_ text: String, in other: Set<UInt64>) -> [(text: Substring, repeated: Bool)] {
        let scalars = Array(text.unicodeScalars.indices)
        guard !scalars.isEmpty else { return [] }
        var letterPositions: [Int] = []
        var letters: [Unicode.Scalar] = []
        for (offset, index) in scalars.enumerated() where isLetter(text.unicodeScalars[index]) {
            letterPositions.append(offset)
            letters.append(text.unicodeScalars[index])
        }
        var marked = [Bool](repeating: false, count: scalars.count)
        for segment in segmentRanges(letters) {
            let run = Array(letters[segment])
            forEachShingle(run) { offset, hash in
                guard other.contains(hash) else { return }
                let first = letterPositions[segment.lowerBound + offset], last = letterPositions[segment.lowerBound + offset + shingleLength - 1]
                for position in first...last { marked[position] = true }
            }
        }
        var runs: [(text: Substring, repeated: Bool)] = []
        var runStart = 0
        for position in 1...scalars.count where position == scalars.count || marked[position] != marked[runStart] {
            let end = position == scalars.count ? text.endIndex : scalars[position]
            runs.append((text[scalars[runStart]..<end], marked[runStart]))
            runStart = position
        }
        return runs
    }

    /// The ranges of `letters` between boilerplate labels (as `segments` cuts them).
    static func segmentRanges(_ letters: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0, index = 0
        while index < letters.count {
            if let label = boilerplateMatch(letters, at: index) {
                if start < index { ranges.append(start..<index) }
                index += label
                start = index
            } else {
                index += 1
            }
        }
        if start < letters.count { ranges.append(start..<letters.count) }
        return ranges
    }
}
