/// Where a table starts among the lines handed in: its header (第二十条, 勾稽关系, 行政复议),
/// so that numbers in prose before it are never read as rows.
enum TableRegion {
    /// The lines from the first one holding a header marker on; all lines when none does.
    static func from(_ lines: [DocumentLine], markers: [String]) -> [DocumentLine] {
        guard let index = lines.firstIndex(where: { holds($0, markers) }) else { return lines }
        return Array(lines[index...])
    }

    /// The number of the first line holding one of `markers`, if any.
    static func firstLine(_ lines: [DocumentLine], markers: [String]) -> Int? {
        lines.first { holds($0, markers) }?.number
    }

    private static func holds(_ line: DocumentLine, _ markers: [String]) -> Bool {
        let text = Array(LabelText.normalize(line.text).utf8)
        return markers.contains { TextSearch.contains(text, Array($0.utf8)) }
    }
}
