/// Turns cmark's `data-sourcepos` attributes into line anchors: every source line gets one
/// empty `<span class="ln" id="L<n>">` placed at the start of the block that holds it (or of
/// the next block, for blank lines), so `#L<n>` always resolves. Anchors go only into
/// elements whose content may be phrasing (p, h1–h6, li, td, th, pre, blockquote).
enum LineAnchors {
    private static let marker = Array(#" data-sourcepos=""#.utf8)
    /// Elements that hold anchors for their whole range; containers hold only their first line
    /// and leave the rest to their children.
    private static let leaves: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "pre"]
    private static let containers: Set<String> = ["li", "blockquote"]

    static func insert(into html: String, lineCount: Int, offset: Int) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + lineCount * 32)
        var next = 1
        var index = 0
        while index < bytes.count {
            guard let hit = find(marker, in: bytes, from: index) else { break }
            let attributeEnd = bytes[(hit + marker.count)...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
            let tagEnd = bytes[attributeEnd...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
            // Copy through the whole opening tag, dropping the sourcepos attribute.
            output.append(contentsOf: bytes[index..<hit])
            output.append(contentsOf: bytes[min(attributeEnd + 1, bytes.count)..<min(tagEnd + 1, bytes.count)])
            index = min(tagEnd + 1, bytes.count)
            let name = tagName(before: hit, in: bytes)
            guard let range = SourceRange(String(decoding: bytes[(hit + marker.count)..<attributeEnd], as: UTF8.self)) else { continue }
            let limit: Int
            if leaves.contains(name) { limit = range.endLine } else if containers.contains(name) { limit = range.startLine } else { continue }
            if limit >= next {
                output.append(contentsOf: anchors(next...limit, start: range.startLine, offset: offset).utf8)
                next = limit + 1
            }
        }
        if index < bytes.count { output.append(contentsOf: bytes[index...]) }
        if next <= lineCount { output.append(contentsOf: anchors(next...lineCount, start: nil, offset: offset).utf8) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Bare anchors for file lines outside the text.
    static func spans(_ lines: [Int]) -> String {
        lines.map { #"<span class="ln" id="L\#($0)"></span>"# }.joined()
    }

    /// The anchor of the block's first line is marked `start`: the theme shows it as the line number.
    private static func anchors(_ lines: ClosedRange<Int>, start: Int?, offset: Int) -> String {
        lines.map { #"<span class="\#($0 == start ? "ln start" : "ln")" id="L\#($0 + offset)"></span>"# }.joined()
    }

    private static func tagName(before position: Int, in bytes: [UInt8]) -> String {
        guard let open = bytes[..<position].lastIndex(of: UInt8(ascii: "<")) else { return "" }
        return String(decoding: bytes[(open + 1)..<position], as: UTF8.self)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var position = start
        while position <= haystack.count - needle.count {
            guard let candidate = haystack[position...].firstIndex(of: first), candidate <= haystack.count - needle.count else { return nil }
            if haystack[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
            position = candidate + 1
        }
        return nil
    }
}

/// `startLine:startColumn-endLine:endColumn`; an end column of 0 means the block ended with the previous line.
struct SourceRange {
    var startLine: Int
    var endLine: Int

    init?(_ text: String) {
        let ends = text.split(separator: "-")
        guard ends.count == 2 else { return nil }
        let start = ends[0].split(separator: ":"), end = ends[1].split(separator: ":")
        guard start.count == 2, end.count == 2, let startLine = Int(start[0]), let endLine = Int(end[0]), let endColumn = Int(end[1]) else { return nil }
        self.startLine = startLine
        self.endLine = max(startLine, endColumn == 0 ? endLine - 1 : endLine)
    }
}
