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
            for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
                let target = staging.appendingPathComponent(path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                let old = output.appendingPathComponent(path)
                if exists, isRegularFile(old), manager.contents(atPath: old.path) == Data(bytes),
                   (try? manager.linkItem(at: old, to: target)) != nil {
                    result.unchanged += 1
                } else {
                    try Data(bytes).write(to: target)
                    result.written += 1
                }
            }
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

    private static func isRegularFile(_ url: URL) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType) == .typeRegular
    }
}

public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): error: \(message)" }
}
