/// What a report file may be before it is refused or flagged. A real report is 2–60 KB of text;
/// web pages scraped to text put it all on one line (平潭 2020: 16.5 KB). The limits are far above
/// that, and low enough that a wrong file is refused at once instead of taking minutes to parse.
public enum LoadLimits {
    /// Text files larger than this are refused (a report is rarely above 100 KB).
    public static let maxTextBytes = 16 * 1024 * 1024
    /// A line longer than this is refused: the parser's cost grows with line length.
    public static let maxLineBytes = 256 * 1024
    /// More Markdown headings than this is noted: a report has six sections and a few dozen headings.
    public static let headingsNoted = 200
    /// Lists or quotes nested deeper than this are noted (the page still shows them).
    public static let nestingNoted = 16
}
