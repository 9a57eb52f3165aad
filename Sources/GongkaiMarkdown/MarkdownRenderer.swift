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
        let lineCount = markdown.split(separator: "\n", omittingEmptySubsequences: false).count
        let before = Set(referencedLines.filter { $0 < firstLine }).sorted()
        let after = Set(referencedLines.filter { $0 > lineCount + firstLine - 1 }).sorted()
        let body = LineAnchors.insert(into: document.html(), lineCount: lineCount, offset: firstLine - 1)
        return LineAnchors.spans(before) + body + LineAnchors.spans(after)
    }
}
