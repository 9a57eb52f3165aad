import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiSite

/// What the last good build read and wrote, kept in the cache folder. When no input has changed
/// (every content and theme file's path, size and modification time, and gongkai's own binary)
/// and the output is exactly as that build left it, there is nothing to do: a rebuild of a
/// city's site with no change costs a few thousand `stat` calls instead of a build.
struct BuildManifest: Codable, Equatable {
    struct Summary: Codable, Equatable {
        var reportsRead: Int
        var skipped: [String]
        var pagesWritten: Int
        var filesWritten: Int
        var findings: Int
    }

    var inputs: [String: String]
    var outputs: [String: String]
    var summary: Summary

    static let fileName = "build-manifest.json"

    /// Path → `size:mtime` for every file under the folders (hidden files skipped), and the
    /// running binary's, since the built-in theme and the rules live in it.
    static func fingerprint(of folders: [URL]) -> [String: String] {
        var result: [String: String] = [:]
        for folder in folders { result.merge(stamps(under: folder)) { first, _ in first } }
        if let binary = Bundle.main.executableURL { result["<gongkai>"] = stamp(binary.path) }
        return result
    }

    static func stamps(under folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { return result }
        for case let url as URL in walker {
            if let stamp = stamp(url.path) { result[url.path] = stamp }
        }
        return result
    }

    /// `size:mtime-ns:inode` of a regular file, or nil.
    static func stamp(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ino)"
    }

    static func load(from cache: URL) -> BuildManifest? {
        guard let data = try? Data(contentsOf: cache.appendingPathComponent(fileName)) else { return nil }
        return try? JSONDecoder().decode(BuildManifest.self, from: data)
    }

    func save(to cache: URL) {
        try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode(self) { try? data.write(to: cache.appendingPathComponent(Self.fileName), options: .atomic) }
    }
}
