import CCmarkGFM

/// Markdown to HTML through cmark-gfm (tables, strikethrough, autolinks, tag filter).
/// Raw HTML in the input is never passed through (no CMARK_OPT_UNSAFE).
public enum MarkdownRenderer {
    /// Renders Markdown as HTML. Soft breaks between Chinese characters are dropped; rows of
    /// tab-separated cells keep their line breaks.
    public static func html(_ markdown: String) -> String {
        guard let document = CmarkDocument(markdown, options: CMARK_OPT_DEFAULT) else { return "" }
        document.prepareForReading()
        return document.html()
    }

    /// Renders Markdown with every source line addressable: `id="L<n>"` anchors, numbered from
    /// `firstLine` (the line of the text's first line in its file), so a finding can link to `#L97`.
    /// `referencedLines` (file line numbers that findings point at) outside the text — front
    /// matter before it, "end of file" after it — get anchors at the start or the end, so no link breaks.
    public static func htmlWithLineAnchors(_ markdown: String, firstLine: Int = 1, referencedLines: [Int] = []) -> String {
        guard let document = CmarkDocument(markdown, options: CMARK_OPT_SOURCEPOS) else { return "" }
        document.prepareForReading()
        let lineCount = lines(markdown)
        let before = Set(referencedLines.filter { $0 < firstLine }).sorted()
        let after = Set(referencedLines.filter { $0 > lineCount + firstLine - 1 }).sorted()
        let body = LineAnchors.insert(into: document.html(), lineCount: lineCount, offset: firstLine - 1)
        return LineAnchors.spans(before) + body + LineAnchors.spans(after)
    }

    /// The number of lines, as `split(separator: "\n")` counts them (a `\r\n` is one Character,
    /// not a line break), but over bytes instead of grapheme clusters.
    static func lines(_ text: String) -> Int {
        var count = 1
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A, previous != 0x0D { count += 1 }
            previous = byte
        }
        return count
    }
}
