import Foundation
import GongkaiLoad
import GongkaiModel

/// Loads any report file the way the site, `gongkai parse` and `gongkai check` read it: text
/// files through SourceLoader, PDF / Word / web pages converted first (through the cache when
/// one is given). A file that cannot be converted throws a LoadError naming it and saying why.
public enum ReportFileLoader {
    /// The extensions of every file read as a report.
    public static let extensions: Set<String> = ["txt", "md", "pdf", "docx", "html", "htm"]

    /// Whether `url` is read as a report: by its extension, leaving out the `~$name.docx` owner
    /// files Word writes next to an open document.
    public static func isReportFile(_ url: URL) -> Bool {
        extensions.contains(url.pathExtension.lowercased()) && !url.lastPathComponent.hasPrefix("~$")
    }

    /// Loads the file at `url`, named `path` (relative to the content folder) in results and errors.
    public static func load(fileAt url: URL, path: String, cache: ConvertedTextCache? = nil) throws(LoadError) -> SourceFile {
        guard let data = try? Data(contentsOf: url) else { throw LoadError(path: path, message: "cannot read the file") }
        return try load(bytes: [UInt8](data), fileAt: url, path: path, cache: cache)
    }

    /// Loads bytes already read from `url` (a PDF is handed to poppler by its path).
    public static func load(bytes: [UInt8], fileAt url: URL, path: String, cache: ConvertedTextCache? = nil) throws(LoadError) -> SourceFile {
        let format = SourceFormat(fileExtension: url.pathExtension) ?? .text
        guard format != .text else { return try SourceLoader.load(bytes: bytes, path: path) }
        let converted: ConvertedText
        do {
            converted = try convert(bytes: bytes, fileAt: url, path: path, format: format, cache: cache)
        } catch {
            throw LoadError(path: path, message: error.message)
        }
        // Through SourceLoader for the same limits and shape notes as a text file. A converted
        // document has no front matter: a first line `---` (a rule in Word) is kept as text.
        let text = converted.text.hasPrefix("---") ? "\n" + converted.text : converted.text
        var source = try SourceLoader.load(bytes: Array(text.utf8), path: path)
        source.conversion = converted.conversion
        source.diagnostics += converted.notes.map { Diagnostic(line: nil, severity: .note, code: "convert.note", message: $0) }
        return source
    }

    /// The file's text, from the cache when its bytes were converted before.
    public static func convert(
        bytes: [UInt8], fileAt url: URL, path: String, format: SourceFormat, cache: ConvertedTextCache?
    ) throws(ConversionError) -> ConvertedText {
        guard !bytes.isEmpty else { throw ConversionError(path: path, message: "the file is empty") }
        if format == .html, bytes.count > LoadLimits.maxTextBytes {
            throw ConversionError(path: path, message: "the web page is \(bytes.count >> 20) MB, more than the \(LoadLimits.maxTextBytes >> 20) MB a report's page may be; is it the right file?")
        }
        let key = cache.map { _ in ConvertedTextCache.key(bytes: bytes, format: format) }
        if let cache, let key, let cached = cache.text(for: key, path: path) { return cached }
        let converted: ConvertedText
        switch format {
        case .pdf:
            // Scratch files under the cache folder (the system's temporary folder without one).
            let parent = cache?.scratchDirectory ?? FileManager.default.temporaryDirectory
            converted = try ToolBudget.within(parent, path: path) { budget throws(ConversionError) in
                try PDFTextConverter.convert(pdfAt: url, path: path, budget: budget)
            }
        case .docx: converted = try WordConverter.convert(bytes: bytes, path: path)
        case .html: converted = try WebPageConverter.convert(bytes: bytes, path: path)
        case .text: throw ConversionError(path: path, message: "a text file is not converted")
        }
        if let cache, let key { cache.store(converted, for: key) }
        return converted
    }
}
