/// Markdown to HTML through cmark-gfm.
public enum MarkdownRenderer {
    public static func html(_ markdown: String) -> String { markdown }
}
