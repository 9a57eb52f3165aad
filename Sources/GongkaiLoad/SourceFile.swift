import GongkaiModel

/// A report file as read from `content/`: its text decoded, its front matter split off.
public struct SourceFile: Sendable, Hashable {
    /// Path relative to the content folder, e.g. `2022/jinjiang-jinjing.txt`.
    public var path: String
    /// The text after the front matter.
    public var text: String
    /// The encoding the bytes were decoded from: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030`.
    public var encoding: String
    public var frontMatter: FrontMatter?
    /// The line number, in the file, of the first line of `text` (1 without front matter).
    public var textStartLine: Int
    /// Notes on the file's shape (thousands of headings, deep nesting), carried into the report.
    public var diagnostics: [Diagnostic] = []
    /// How the text was obtained from a PDF, Word file or web page (nil: the file is text).
    public var conversion: TextConversion?

    public init(path: String, text: String, encoding: String = "UTF-8", frontMatter: FrontMatter? = nil, textStartLine: Int = 1) {
        self.path = path
        self.text = text
        self.encoding = encoding
        self.frontMatter = frontMatter
        self.textStartLine = textStartLine
        self.conversion = nil
    }
}
