import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The mark gongkai leaves in every output folder it builds: `.gongkai-site`, listing the files
/// the build wrote (one path per line, relative to the folder). A folder without it is not
/// gongkai's and is never replaced; a rebuild removes only the listed files that the site no
/// longer has, and keeps every other file (`CNAME`, `robots.txt`, `.htaccess`, `.git/`).
public enum OutputMark {
    public static let name = ".gongkai-site"
    static let header = "gongkai site 1: files written by gongkai build (the folder is gongkai's output; other files are kept)"

    /// The files a build recorded in `folder`'s mark, or nil when the folder has no mark.
    static func written(in folder: String) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first.map(String.init) == header else { return nil }
        return Set(lines.dropFirst().map(String.init))
    }

    /// The mark's bytes for the files a build made (paths holding a newline cannot be listed:
    /// such a file is then treated as the user's and kept, never lost).
    static func bytes(_ paths: Set<String>) -> [UInt8] {
        var bytes = Array((header + "\n").utf8)
        for path in paths.sorted() where !path.utf8.contains(10) && path != name {
            bytes += path.utf8
            bytes.append(10)
        }
        return bytes
    }
}

/// A folder the output may not be, hold or sit in, with the name the refusal gives it.
public struct ProtectedFolder: Sendable {
    public var label: String
    public var url: URL
    /// Whether an output inside it is refused too (the content folder: its files would be read
    /// back as reports); an output inside the home or working folder is fine.
    public var refusesInside: Bool

    public init(_ label: String, _ url: URL, refusesInside: Bool) {
        self.label = label
        self.url = url
        self.refusesInside = refusesInside
    }

    /// `/`, the home folder and the working folder: never an output, nor inside one.
    static var always: [ProtectedFolder] {
        var folders = [ProtectedFolder("the root folder", URL(fileURLWithPath: "/"), refusesInside: false)]
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            folders.append(ProtectedFolder("the home folder", URL(fileURLWithPath: home), refusesInside: false))
        }
        folders.append(ProtectedFolder("the home folder", FileManager.default.homeDirectoryForCurrentUser, refusesInside: false))
        folders.append(ProtectedFolder("the working folder", URL(fileURLWithPath: FileManager.default.currentDirectoryPath), refusesInside: false))
        return folders
    }
}

/// Decides whether a folder may be a build's output, before anything is written.
enum OutputFolder {
    /// The output as the filesystem will see it: symbolic links resolved (the output itself, or any
    /// folder above it), so that a link to `/` is judged as `/`. A missing tail is kept as written.
    static func resolved(_ url: URL) -> URL {
        var missing: [String] = []
        var current = url.standardizedFileURL.path
        while true {
            if let real = realpath(current, nil) {
                defer { free(real) }
                var path = String(cString: real)
                for part in missing.reversed() { path += (path.hasSuffix("/") ? "" : "/") + part }
                return URL(fileURLWithPath: path).standardizedFileURL
            }
            let parent = (current as NSString).deletingLastPathComponent
            guard parent != current, !parent.isEmpty else { return url.standardizedFileURL }
            missing.append((current as NSString).lastPathComponent)
            current = parent
        }
    }

    /// Where `path` leads, all links followed, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// Why `output` (resolved) may not be built into, or nil.
    static func refusal(of output: URL, protected: [ProtectedFolder]) -> WriteError? {
        let path = output.path
        for folder in ProtectedFolder.always + protected {
            let other = resolved(folder.url).path
            let shown = folder.url.path == other ? other : "\(folder.url.path), that is \(other)"
            let reason: String
            if path == other {
                reason = "it is \(folder.label)"
            } else if path == "/" || other.hasPrefix(path + "/") {
                reason = "it holds \(folder.label) (\(shown))"
            } else if folder.refusesInside, path.hasPrefix(other + "/") {
                reason = "it is inside \(folder.label) (\(shown))"
            } else {
                continue
            }
            return WriteError(path: path, message: "refusing to build the site into this folder: \(reason); nothing was changed. Choose another --output")
        }
        return nil
    }

    /// The files a previous build wrote into `output` (resolved), to be replaced or removed:
    /// empty for a folder that does not exist or is empty. A folder with anything in it and no
    /// mark stops the build, unless `force`: then nothing of it is removed, only files at the
    /// site's own paths replaced.
    static func admit(_ output: URL, force: Bool) throws(WriteError) -> Set<String> {
        var info = stat()
        guard lstat(output.path, &info) == 0 else { return [] }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw WriteError(path: output.path, message: "output exists and is not a folder") }
        if let written = OutputMark.written(in: output.path) { return written }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: output.path) else {
            throw WriteError(path: output.path, message: "cannot read the output folder")
        }
        if entries.isEmpty || force { return [] }
        throw WriteError(
            path: output.path,
            message: "the output folder is not empty and was not made by gongkai (it has no \(OutputMark.name)); nothing was changed. "
                + "Choose a new or empty folder, or pass --force to build into it: none of its files is deleted, "
                + "but those at the site's own paths (index.html, reports/, assets/…) are replaced")
    }
}
