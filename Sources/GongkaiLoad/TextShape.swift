import GongkaiModel

/// Measures a file's shape before it is parsed: refuses what no report looks like (one line of
/// megabytes) and notes what is odd but readable (thousands of headings, lists nested hundreds deep).
enum TextShape {
    struct TooLong: Error { var line: Int; var bytes: Int }

    /// Throws for the first line over `LoadLimits.maxLineBytes`; otherwise returns the notes.
    /// `firstLine` is the file's line number of the text's first line.
    static func inspect(_ text: String, firstLine: Int) throws(TooLong) -> [Diagnostic] {
        var headings = 0, firstExcessHeading = 0, deepest = 0, deepestLine = 0
        // a plain loop over the bytes: the generic `split` costs a closure call per byte
        var text = text
        let tooLong: TooLong? = text.withUTF8 { bytes in
            var start = 0
            var number = firstLine
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                let length = end - start
                if length > LoadLimits.maxLineBytes { return TooLong(line: number, bytes: length) }
                let prefix = LinePrefix(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                if prefix.isHeading {
                    headings += 1
                    if headings == LoadLimits.headingsNoted + 1 { firstExcessHeading = number }
                } else if prefix.depth > deepest {
                    deepest = prefix.depth
                    deepestLine = number
                }
                start = end + 1
                number += 1
            }
            return nil
        }
        if let tooLong { throw tooLong }
        var notes: [Diagnostic] = []
        if headings > LoadLimits.headingsNoted {
            notes.append(Diagnostic(
                line: firstExcessHeading, severity: .warning, code: "text.manyHeadings",
                message: "the file has \(headings) Markdown headings (a report has six sections and rarely more than 50); the sections were looked for among all of them"))
        }
        if deepest > LoadLimits.nestingNoted {
            notes.append(Diagnostic(
                line: deepestLine, severity: .warning, code: "text.deepNesting",
                message: "lists or quotes nested \(deepest) levels deep; the text is shown as written"))
        }
        return notes
    }

    /// The start of a Markdown line: `## ` makes a heading; each `>` and every two spaces of
    /// indentation before the content count as one level of nesting.
    struct LinePrefix {
        var isHeading = false
        var depth = 0

        init(_ line: UnsafeBufferPointer<UInt8>) {
            var spaces = 0, quotes = 0, hashes = 0
            for byte in line {
                switch byte {
                case UInt8(ascii: " ") where hashes > 0:
                    isHeading = hashes <= 6 && spaces < 4
                    return
                case UInt8(ascii: " "): spaces += 1
                case UInt8(ascii: "\t"): spaces += 4
                case UInt8(ascii: ">"): quotes += 1
                case UInt8(ascii: "#") where quotes == 0: hashes += 1
                default:
                    depth = hashes > 0 ? 0 : spaces / 2 + quotes
                    return
                }
            }
        }
    }
}
