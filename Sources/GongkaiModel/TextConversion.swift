/// How a report's text was obtained when the file as published was not plain text
/// (nil on `Report` for a `.txt`/`.md` file). The site says it on the report page.
public struct TextConversion: Sendable, Hashable, Codable {
    public enum Method: String, Sendable, CaseHashable, Codable, CaseIterable {
        /// A PDF's own text layer (poppler's `pdftotext -layout`).
        case pdfText = "pdf-text"
        /// A scanned PDF read by Tesseract, table cells one by one.
        case ocr
        /// A Word `.docx` document's XML.
        case word
        /// A web page saved from a government site.
        case webPage = "web-page"
    }

    public var method: Method
    /// The tool and settings used, e.g. `pdftotext -layout (poppler 22.12.0)`.
    public var tool: String
    /// The file as published, relative to the content folder, offered for download.
    public var original: String
    /// OCR only: table cells read, and those left unknown because no reading was confident.
    public var cellsRead: Int?
    public var cellsUnknown: Int?

    public init(method: Method, tool: String, original: String, cellsRead: Int? = nil, cellsUnknown: Int? = nil) {
        self.method = method
        self.tool = tool
        self.original = original
        self.cellsRead = cellsRead
        self.cellsUnknown = cellsUnknown
    }
}

extension TextConversion.Method: ModelEnum {}

extension TextConversion: ModelFields {
    public init() { self.init(method: .pdfText, tool: "", original: "") }

    @inlinable public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
        try v.field("cellsRead", &cellsRead, .omitNil)
        try v.field("cellsUnknown", &cellsUnknown, .omitNil)
        try v.field("method", &method)
        try v.field("original", &original)
        try v.field("tool", &tool)
    }
}
