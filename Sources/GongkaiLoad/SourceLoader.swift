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

/// Reads report files: bytes → text (encoding detected), front matter split off.
public enum SourceLoader {
    /// Loads one file; `path` in the result is relative to `root`.
    public static func load(fileAt url: URL, relativeTo root: URL) throws(LoadError) -> SourceFile {
        let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
        guard let data = try? Data(contentsOf: url) else { throw LoadError(path: relative, message: "cannot read the file") }
        guard let text = String(data: data, encoding: .utf8) else { throw LoadError(path: relative, message: "not UTF-8") }
        return SourceFile(path: relative, text: text)
    }
}
