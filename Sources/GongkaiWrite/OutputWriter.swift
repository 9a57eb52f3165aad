import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiSite

/// Writes the generated files atomically: everything is assembled in a staging folder beside the
/// output, then swapped in with two renames. A failure before the swap leaves the previous output
/// untouched. A file whose bytes did not change is hard-linked from the old output, so it keeps
/// its inode and modification time (servers and rsync see it as unchanged).
public enum OutputWriter {
    public struct Result: Sendable, Hashable {
        public var written: Int
        public var unchanged: Int
    }

    public static func write(_ files: [String: [UInt8]], to output: URL) throws(WriteError) -> Result {
        let output = output.standardizedFileURL
        guard output.path != "/", !output.lastPathComponent.isEmpty else { throw WriteError(path: output.path, message: "refusing to replace the root folder") }
        for path in files.keys where !SitePath.isSafe(path) { throw WriteError(path: path, message: "path leaves the output folder") }
        let manager = FileManager.default
        recoverFromKilledBuilds(of: output)
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue { throw WriteError(path: output.path, message: "output exists and is not a folder") }

        let parent = output.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(pid)")
        let retired = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(pid)")
        var result = Result(written: 0, unchanged: 0)
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            let directories = Set(files.keys.map { staging.appendingPathComponent($0).deletingLastPathComponent().path })
            for directory in directories.sorted() { try manager.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            result = try stage(files, into: staging, comparingWith: exists ? output : nil)
        } catch {
            try? manager.removeItem(at: staging)
            throw WriteError(path: staging.path, message: "cannot stage the site: \(error.localizedDescription)")
        }
        do {
            if exists { try manager.moveItem(at: output, to: retired) }
            do {
                try manager.moveItem(at: staging, to: output)
            } catch {
                if exists { try? manager.moveItem(at: retired, to: output) }
                throw error
            }
            try? manager.removeItem(at: retired)
        } catch {
            try? manager.removeItem(at: staging)
            throw WriteError(path: output.path, message: "cannot swap the new site in: \(error.localizedDescription)")
        }
        return result
    }

    /// Writes every file into the staging folder, in parallel: a file whose bytes equal the old
    /// output's is hard-linked from it (keeping its inode and modification time), others are
    /// written with plain POSIX calls. (Foundation's `Data.write` fsyncs every file, ~5 ms each:
    /// half a minute for a city's site; the rename that publishes the staging folder is what makes
    /// the build atomic, so per-file durability buys nothing.)
    static func stage(_ files: [String: [UInt8]], into staging: URL, comparingWith old: URL?) throws -> Result {
        let entries = Array(files)
        let tally = Tally()
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            let (path, bytes) = entries[index]
            let target = staging.appendingPathComponent(path).path
            if let old, sameContents(old.appendingPathComponent(path).path, bytes), link(old.appendingPathComponent(path).path, target) == 0 {
                tally.count(path: path, error: nil)
            } else {
                let error = writeFile(bytes, to: target)
                tally.count(path: path, error: error == 0 ? 0 : error)
            }
        }
        if let (path, error) = tally.failure { throw WriteError(path: path, message: String(cString: strerror(error))) }
        return tally.result
    }

    /// Counts written and linked files across the writing threads.
    private final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var result = Result(written: 0, unchanged: 0)
        private(set) var failure: (String, Int32)?

        /// `error` nil: linked unchanged; 0: written; otherwise the errno of a failed write.
        func count(path: String, error: Int32?) {
            lock.lock()
            defer { lock.unlock() }
            switch error {
            case nil: result.unchanged += 1
            case 0?: result.written += 1
            case let code?: if failure == nil { failure = (path, code) }
            }
        }
    }

    /// Whether the regular file at `path` holds exactly `bytes` (sizes compared first).
    static func sameContents(_ path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return data.elementsEqual(bytes)
    }

    /// open/write/close; returns 0 or the errno.
    static func writeFile(_ bytes: [UInt8], to path: String) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        return bytes.withUnsafeBytes { buffer -> Int32 in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return 0
        }
    }

    /// A build killed part-way leaves `.public.staging-<pid>` (and, between the two renames of
    /// the swap, `.public.old-<pid>` with no `public`). Put the old site back and clear what dead
    /// builds left; folders of a build still running are not touched.
    static func recoverFromKilledBuilds(of output: URL) {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        guard let entries = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries.sorted() {
            for kind in ["staging", "old"] {
                let prefix = ".\(name).\(kind)-"
                guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)), !isRunning(pid) else { continue }
                let url = parent.appendingPathComponent(entry)
                if kind == "old", !manager.fileExists(atPath: output.path) {
                    try? manager.moveItem(at: url, to: output)
                } else {
                    try? manager.removeItem(at: url)
                }
            }
        }
    }

    private static func isRunning(_ pid: Int32) -> Bool {
        pid == ProcessInfo.processInfo.processIdentifier || kill(pid, 0) == 0 || errno == EPERM
    }

}

public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): error: \(message)" }
}
