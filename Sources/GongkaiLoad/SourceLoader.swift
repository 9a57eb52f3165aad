import Foundation

/// A file that could not be loaded, with the reason and, where it applies, the line.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String
    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }
    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): error: \(message)" }
}

/// Reads report files: bytes → text (encoding detected), line ends normalised, front matter split off.
public enum SourceLoader {
    /// Loads one file; `path` in the result is relative to `root`.
    public static func load(fileAt url: URL, relativeTo root: URL) throws(LoadError) -> SourceFile {
        let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
        guard let data = try? Data(contentsOf: url) else { throw LoadError(path: relative, message: "cannot read the file") }
        return try load(bytes: [UInt8](data), path: relative)
    }

    /// Loads bytes already read; `path` names them in errors and in the result.
    public static func load(bytes: [UInt8], path: String) throws(LoadError) -> SourceFile {
        guard bytes.count <= LoadLimits.maxTextBytes else {
            throw LoadError(path: path, message: "the file is \(megabytes(bytes.count)), more than the \(megabytes(LoadLimits.maxTextBytes)) a report's text may be (a report is rarely above 100 KB); is it the right file?")
        }
        let decoded: (text: String, encoding: String)
        switch TextDecoder.decode(bytes) {
        case .success(let result): decoded = result
        case .failure(let failure): throw LoadError(path: path, line: failure.line, message: failure.message)
        }
        let text = normalizeLineEnds(decoded.text)
        switch FrontMatterReader.split(text) {
        case .success(let split):
            var source = SourceFile(path: path, text: split.body, encoding: decoded.encoding, frontMatter: split.frontMatter, textStartLine: split.bodyStartLine)
            do {
                source.diagnostics = try TextShape.inspect(split.body, firstLine: split.bodyStartLine)
            } catch {
                throw LoadError(path: path, line: error.line, message: "line \(error.line) is \(megabytes(error.bytes)) long, more than the \(LoadLimits.maxLineBytes / 1024) KB a line may be (a whole report on one line is under 20 KB); is it the right file, or does it need line breaks?")
            }
            return source
        case .failure(let failure):
            throw LoadError(path: path, line: failure.line, message: failure.message)
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? "\((Double(bytes) / 1_048_576 * 10).rounded() / 10) MB" : "\(bytes / 1024) KB"
    }

    /// CRLF and lone CR become LF; a stray BOM character at the start is dropped.
    static func normalizeLineEnds(_ text: String) -> String {
        var result = text
        if ByteScan.contains(0x0D, in: text) {
            result = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if result.hasPrefix("\u{FEFF}") { result.removeFirst() }
        return result
    }
}

extension TextDecoder.Failure {
    var line: Int? {
        if case .brokenUTF8(let line) = self { return line }
        return nil
    }

    var message: String {
        switch self {
        case .empty: return "the file is empty"
        case .binary(let kind):
            return "the file is \(kind), not text; convert it to plain text first (for a PDF: `pdftotext -layout`, for an Office file: save as .txt in UTF-8)"
        case .brokenUTF8: return "the file is UTF-8 with invalid bytes (cut or corrupted); re-save it as UTF-8"
        case .undecodable: return "the file is not text in UTF-8, UTF-16 (with BOM) or GB18030/GBK; re-save it as UTF-8"
        }
    }
}
