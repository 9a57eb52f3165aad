/// Data: how the six mandated section headings are worded in real reports (format.md §1).
/// Matching is by title; the numeral is only a hint.
enum SectionHeadingVariants {
    /// Titles (without numeral) by section number; the official title first.
    static let titles: [Int: [String]] = [
        1: [
            "总体情况", "工作基本情况", "基本情况", "总体工作情况", "工作总体情况", "概述",
            "政府信息公开工作总体情况", "政府信息公开总体情况", "政府信息公开工作基本情况",
        ],
        2: ["主动公开政府信息情况", "主动公开政府信息的情况", "主动公开政府信息"],
        3: ["收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请的情况", "收到和处理政府信息公开申请"],
        4: [
            "政府信息公开行政复议、行政诉讼情况", "政府信息公开行政复议和行政诉讼情况",
            "因政府信息公开工作被申请行政复议提起行政诉讼情况", "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "因政府信息公开申请行政复议、提起行政诉讼情况", "因政府信息公开申请行政复议、提起行政诉讼的情况",
            "政府信息公开行政复议、行政许可等情况",
        ],
        5: [
            "存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在问题及改进情况",
            "存在的问题及改进措施", "存在的主要问题及改进措施", "存在主要问题和改进情况", "存在的主要问题和改进情况",
        ],
        6: ["其他需要报告的事项", "其它需要报告的事项", "其他需要报告事项", "其它需要报告事项"],
    ]

    /// `titles` as Unicode scalars, for the similarity of every short line to every title.
    static let titleScalars: [Int: [[Unicode.Scalar]]] = titles.mapValues { $0.map { Array($0.unicodeScalars) } }
    /// Every scalar of a section's titles, to bound a line's similarity to any of them.
    static let titleScalarSets: [Int: ScalarBits] = titles.mapValues { ScalarBits($0.flatMap(\.unicodeScalars)) }

    /// Every scalar of every section's titles: a line's scalars outside it count for no section.
    static let anyTitleScalars = ScalarBits(titles.values.flatMap { $0.flatMap(\.unicodeScalars) })

    /// The BMP scalars of all titles, ascending, each with the sections whose titles hold it
    /// (bit `n - 1` for section `n`): some hundred entries, searched in a few comparisons that
    /// stay in the cache, where six 8 KB bit tables (`titleScalarSets`) missed it on every scalar.
    static let titleScalarSections: (values: [UInt32], sections: [UInt8]) = {
        var masks: [UInt32: UInt8] = [:]
        for (section, titles) in titles where (1...8).contains(section) {
            for scalar in titles.flatMap(\.unicodeScalars) where scalar.value < 0x10000 {
                masks[scalar.value, default: 0] |= 1 << UInt8(section - 1)
            }
        }
        let sorted = masks.sorted { $0.key < $1.key }
        return (sorted.map(\.key), sorted.map(\.value))
    }()

    /// How many of `scalars` each section's titles hold (index `n - 1` for section `n`): per
    /// section, the count of `titleScalarSets[n]` members among them.
    static func titleScalarCounts(_ scalars: [Unicode.Scalar]) -> SIMD8<Int32> {
        let (values, sections) = titleScalarSections
        var counts = SIMD8<Int32>()
        for scalar in scalars {
            // binary search for the scalar's value
            var low = 0, high = values.count
            while low < high {
                let middle = (low + high) / 2
                if values[middle] < scalar.value { low = middle + 1 } else { high = middle }
            }
            guard low < values.count, values[low] == scalar.value else { continue }
            let mask = sections[low]
            for bit in 0..<8 where mask & (1 << UInt8(bit)) != 0 { counts[bit] += 1 }
        }
        return counts
    }

    /// `titles` with their scalars and scalar sets, in the order iterating `titles` gives (a
    /// look-up by section for each line hashes its number every time).
    static let titleEntries: [(section: Int, titles: [String], scalars: [[Unicode.Scalar]], bits: ScalarBits)] = titles.map { section, titles in
        (section, titles, titleScalars[section] ?? [], titleScalarSets[section] ?? ScalarBits([]))
    }

    /// Row labels of 表三 that look like section headings (`三、本年度办理结果`) but are not.
    static let tableRowLabels: [String] = ["本年新收", "上年结转", "本年度办理结果", "本年度办理", "结转下年度"]

    /// Separators written between a heading's numeral and its title.
    static let numeralSeparators: Set<Character> = ["、", ".", "．", ",", "，"]
    /// `numeralSeparators` as scalars, for simple text.
    static let numeralSeparatorScalars: [Unicode.Scalar] = ["、", ".", "．", ",", "，"]

    /// Openings of section 五's first line when its heading is missing (`（一）主要问题`).
    static let sectionFiveOpeners: [String] = ["主要问题", "存在的问题", "存在问题", "存在的主要问题", "存在不足"]

    /// Lowest title similarity for a numbered heading; unnumbered lines must match closer.
    static let numberedThreshold = 0.7
    static let unnumberedThreshold = 0.9
    /// A line this long (in characters) is a run-together page, split at its headings.
    static let runTogetherLineLength = 200
}

/// A set of BMP scalars as bits: asked about every scalar of every short line, where hashing
/// each into a `Set` costs more than the comparison it saves.
struct ScalarBits: Sendable {
    private var words = [UInt64](repeating: 0, count: 0x10000 / 64)

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        for scalar in scalars where scalar.value < 0x10000 {
            words[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
        }
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 && words[Int(scalar.value >> 6)] & (1 << UInt64(scalar.value & 63)) != 0
    }
}
