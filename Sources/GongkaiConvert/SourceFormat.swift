import GongkaiLoad

/// How a report file's text was obtained, chosen by its extension: the converters turn PDF, Word
/// and saved web pages into the plain text (tables as tab-separated rows) the parser reads.
public enum SourceFormat: String, Sendable, CaseIterable {
    case text, pdf, docx, html

    /// The format of a file with this extension (lowercased, without the dot), or nil when it is not a report.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "txt", "md", "markdown": self = .text
        case "pdf": self = .pdf
        case "docx": self = .docx
        case "html", "htm": self = .html
        default: return nil
        }
    }
}
