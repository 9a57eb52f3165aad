/// Escaping for text placed into HTML built outside templates (tables, charts, anchors): the same
/// five characters Mustache's `{{…}}` escapes, so Swift-built HTML matches template output.
enum HTML {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        append(text, to: &result)
        return result
    }

    /// Appends `text` escaped. Runs of bytes that need no escaping are copied whole
    /// (as scalars: the five characters are ASCII, so every cut falls between scalars).
    static func append(_ text: String, to out: inout String) {
        let utf8 = text.utf8
        guard utf8.contains(where: needsEscape) else {
            out += text
            return
        }
        var runStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if needsEscape(byte) {
                out.unicodeScalars.append(contentsOf: text.unicodeScalars[runStart..<index])
                switch byte {
                case UInt8(ascii: "&"): out += "&amp;"
                case UInt8(ascii: "<"): out += "&lt;"
                case UInt8(ascii: ">"): out += "&gt;"
                case UInt8(ascii: "\""): out += "&quot;"
                default: out += "&#39;"
                }
                runStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out.unicodeScalars.append(contentsOf: text.unicodeScalars[runStart..<utf8.endIndex])
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
