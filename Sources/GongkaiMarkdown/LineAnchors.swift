/// Turns cmark's `data-sourcepos` attributes into line anchors: every source line gets one
/// empty `<span class="ln" id="L<n>">` placed at the start of the block that holds it (or of
/// the next block, for blank lines), so `#L<n>` always resolves. Anchors go only into
/// elements whose content may be phrasing (p, h1–h6, li, td, th, pre, blockquote).
enum LineAnchors {
    private static let marker = Array(#" data-sourcepos=""#.utf8)
    /// Elements that hold anchors for their whole range; containers hold only their first line
    /// and leave the rest to their children.
    private static let leaves: [[UInt8]] = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "pre"].map { Array($0.utf8) }
    private static let containers: [[UInt8]] = ["li", "blockquote"].map { Array($0.utf8) }

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
            guard let range = SourceRange(bytes[(hit + marker.count)..<attributeEnd]) else { continue }
            let limit: Int
            if leaves.contains(where: { $0.elementsEqual(name) }) {
                limit = range.endLine
            } else if containers.contains(where: { $0.elementsEqual(name) }) {
                limit = range.startLine
            } else {
                continue
            }
            if limit >= next {
                appendAnchors(next...limit, start: range.startLine, offset: offset, to: &output)
                next = limit + 1
            }
        }
        if index < bytes.count { output.append(contentsOf: bytes[index...]) }
        if next <= lineCount { appendAnchors(next...lineCount, start: nil, offset: offset, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Bare anchors for file lines outside the text.
    static func spans(_ lines: [Int]) -> String {
        lines.map { #"<span class="ln" id="L\#($0)"></span>"# }.joined()
    }

    /// The anchor of the block's first line is marked `start`: the theme shows it as the line number.
    private static func appendAnchors(_ lines: ClosedRange<Int>, start: Int?, offset: Int, to output: inout [UInt8]) {
        for line in lines {
            output.append(contentsOf: line == start ? startAnchorOpen : anchorOpen)
            output.append(contentsOf: String(line + offset).utf8)
            output.append(contentsOf: anchorClose)
        }
    }

    private static let anchorOpen = Array(#"<span class="ln" id="L"#.utf8)
    private static let startAnchorOpen = Array(#"<span class="ln start" id="L"#.utf8)
    private static let anchorClose = Array(#""></span>"#.utf8)

    private static func tagName(before position: Int, in bytes: [UInt8]) -> ArraySlice<UInt8> {
        guard let open = bytes[..<position].lastIndex(of: UInt8(ascii: "<")) else { return [] }
        return bytes[(open + 1)..<position]
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

    /// From the attribute's bytes, in the exact form cmark writes (`3:1-5:12`; the String parser
    /// also takes doubled dashes, which cmark never writes).
    init?(_ bytes: ArraySlice<UInt8>) {
        var fields = (0, 0, 0, 0)
        var field = 0, digits = 0, value = 0
        let separators: [UInt8] = [UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: ":")]
        for byte in bytes {
            if byte >= 0x30, byte <= 0x39, digits < 18 {
                value = value * 10 + Int(byte - 0x30)
                digits += 1
            } else if field < 3, byte == separators[field], digits > 0 {
                switch field {
                case 0: fields.0 = value
                case 1: fields.1 = value
                default: fields.2 = value
                }
                field += 1
                digits = 0
                value = 0
            } else {
                return nil
            }
        }
        guard field == 3, digits > 0 else { return nil }
        fields.3 = value
        self.startLine = fields.0
        self.endLine = max(fields.0, fields.3 == 0 ? fields.2 - 1 : fields.2)
    }

    init?(_ text: String) {
        let ends = text.split(separator: "-")
        guard ends.count == 2 else { return nil }
        let start = ends[0].split(separator: ":"), end = ends[1].split(separator: ":")
        guard start.count == 2, end.count == 2, let startLine = Int(start[0]), let endLine = Int(end[0]), let endColumn = Int(end[1]) else { return nil }
        self.startLine = startLine
        self.endLine = max(startLine, endColumn == 0 ? endLine - 1 : endLine)
    }
}
