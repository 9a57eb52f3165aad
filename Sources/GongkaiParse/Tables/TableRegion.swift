/// A table section's lines with each line's label form (`LabelText.normalize`, as UTF-8) worked
/// out once: the readers test the lines against header markers, row keys and format markers
/// several times over.
struct TableLines {
    let lines: [DocumentLine]
    let labelBytes: [[UInt8]]

    init(_ lines: [DocumentLine]) {
        self.lines = lines
        labelBytes = lines.map { LabelText.normalizeToBytes($0.text) }
    }

    private init(lines: [DocumentLine], labelBytes: [[UInt8]]) {
        self.lines = lines
        self.labelBytes = labelBytes
    }

    /// Each line's label form as a String (made on demand: most readers test bytes only).
    var labels: [String] { labelBytes.map { String(decoding: $0, as: UTF8.self) } }

    /// The lines from `index` on.
    func dropFirst(_ index: Int) -> TableLines {
        TableLines(lines: Array(lines[index...]), labelBytes: Array(labelBytes[index...]))
    }

    /// The label forms of all lines joined: a key may be split over two lines.
    var joinedLabelBytes: [UInt8] { Array(labelBytes.joined()) }

    /// The index of the first line holding one of `markers`.
    func firstIndex(holding markers: [String]) -> Int? {
        let keys = markers.map { Array($0.utf8) }
        return labelBytes.firstIndex { text in keys.contains { TextSearch.contains(text, $0) } }
    }
}

/// Where a table starts among the lines handed in: its header (第二十条, 勾稽关系, 行政复议),
/// so that numbers in prose before it are never read as rows.
enum TableRegion {
    /// The lines from the first one holding a header marker on; all lines when none does.
    static func from(_ lines: TableLines, markers: [String]) -> TableLines {
        guard let index = lines.firstIndex(holding: markers) else { return lines }
        return lines.dropFirst(index)
    }

    /// The number of the first line holding one of `markers`, if any.
    static func firstLine(_ lines: TableLines, markers: [String]) -> Int? {
        lines.firstIndex(holding: markers).map { lines.lines[$0].number }
    }
}
