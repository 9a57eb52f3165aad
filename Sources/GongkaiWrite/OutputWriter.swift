import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiSite

/// Writes the generated files atomically. A first build assembles everything in a staging folder
/// beside the output, then renames it into place. A rebuild stages only the files whose bytes
/// changed and moves each over the output's with one rename, under a journal (`CommitJournal`);
/// unchanged files are not touched, so they keep their inode and modification time (servers and
/// rsync see them as unchanged). A failure before the commit leaves the previous output untouched.
public enum OutputWriter {
    public struct Result: Sendable, Hashable {
        public var written: Int
        public var unchanged: Int
    }

    /// Writes `files` (all in memory) to `output`: stage them in parallel, then swap.
    public static func write(_ files: [String: [UInt8]], to output: URL) throws(WriteError) -> Result {
        for path in files.keys where !SitePath.isSafe(path) { throw WriteError(path: path, message: "path leaves the output folder") }
        let staging = try StagedOutput(output: output)
        let entries = Array(files)
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            try? staging.put(entries[index].key, entries[index].value)
        }
        return try staging.commit()
    }

    /// A build killed part-way leaves `.public.staging-<pid>` (and, between the two renames of
    /// the swap, `.public.old-<pid>` with no `public`). Put the old site back and clear what dead
    /// builds left; folders of a build still running are not touched.
    static func recoverFromKilledBuilds(of output: URL) {
        // A commit cut short is finished first: its journal names the staging folder it moves from.
        CommitJournal.finishInterrupted(for: output, isRunning: isRunning)
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

    static func isRunning(_ pid: Int32) -> Bool {
        pid == ProcessInfo.processInfo.processIdentifier || kill(pid, 0) == 0 || errno == EPERM
    }
}

/// The staging folder of one build: files are put into it as they are generated (from several
/// threads), then `commit()` swaps it in for the output, or `discard()` removes it. Files are
/// written with plain POSIX calls (Foundation's `Data.write` fsyncs every file, ~5 ms each: half a
/// minute for a city's site; the rename that publishes the folder is what makes the build atomic).
public final class StagedOutput: SiteSink, @unchecked Sendable {
    let output: URL
    /// `.public.staging-<pid>` beside the output: what a killed build leaves, and what is removed.
    let holder: URL
    /// The new site, `<holder>/site-<random>`.
    let staging: URL
    /// The output as it was, to compare against, when there was one.
    let old: URL?
    let oldPath: String?
    let lock = NSLock()
    var folders: Set<String> = []
    var result = OutputWriter.Result(written: 0, unchanged: 0)
    var failure: WriteError?
    /// The previous build's render keys and output stamps (see `reuse`).
    private let previousKeys: [String: String]
    private let previousStamps: [String: String]
    /// The output's stamps as the build found them (nil: each file is stat'ed when needed).
    private let presentStamps: [String: String]?
    /// The rebuild's changed files were moved into the output one by one (not the whole folder swapped).
    var movedInPlace = false
    /// The render keys of this build's files.
    var keys: [String: String] = [:]
    /// A rebuild (there is an old output): files whose bytes did not change are left in the output
    /// (`kept`) instead of being linked into the staging folder; `staged` are the ones written.
    var kept: Set<String> = []
    var staged: Set<String> = []
    /// The files the previous build wrote (the output's mark): the only ones a rebuild may remove.
    let written: Set<String>
    /// The folders above the output this build created (deepest first), removed again by `discard()`.
    var createdParents: [String] = []
    /// The files this build's commit removed (see `committedStamps`).
    var removed: [String] = []
    var renderKeys: [String: String] { lock.withLock { keys } }
    public let keepsRenderKeys: Bool

    public convenience init(output: URL) throws(WriteError) {
        try self.init(output: output, keepsRenderKeys: false, previousKeys: [:], previousStamps: [:], presentStamps: nil)
    }

    /// `previousKeys` and `previousStamps` (by path relative to the output) come from the last
    /// build's manifest: a file is taken from the old output only if it still has the stamp that
    /// build recorded, i.e. nobody has touched it since.
    /// `presentStamps`: the output's files' stamps as they are now, if the caller has just read them.
    /// The output is judged where its symbolic links lead (`OutputFolder`): refused when it is, holds
    /// or (for `protected` folders that say so) sits in a folder it must not replace; a non-empty
    /// folder without gongkai's mark is refused unless `force`.
    init(
        output: URL, keepsRenderKeys: Bool, previousKeys: [String: String], previousStamps: [String: String],
        presentStamps: [String: String]?, force: Bool = false, protected: [ProtectedFolder] = []
    ) throws(WriteError) {
        self.keepsRenderKeys = keepsRenderKeys
        self.previousKeys = previousKeys
        self.previousStamps = previousStamps
        self.presentStamps = presentStamps
        let output = OutputFolder.resolved(output)
        if let refusal = OutputFolder.refusal(of: output, protected: protected) { throw refusal }
        guard output.path != "/", !output.lastPathComponent.isEmpty else { throw WriteError(path: output.path, message: "refusing to replace the root folder") }
        written = try OutputFolder.admit(output, force: force)
        let manager = FileManager.default
        OutputWriter.recoverFromKilledBuilds(of: output)
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue { throw WriteError(path: output.path, message: "output exists and is not a folder") }
        let parent = output.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        self.output = output
        self.old = exists ? output : nil
        oldPath = exists ? output.path : nil
        holder = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(pid)")
        // A name of its own each build: ext4 places a folder under a top-of-hierarchy folder by
        // the hash of its name (see FolderPlacement).
        staging = holder.appendingPathComponent("site-" + String(UInt32.random(in: .min ... .max), radix: 16))
        var missing: [String] = []
        var above = parent.path
        while !above.isEmpty, above != "/", access(above, F_OK) != 0 {
            missing.append(above)
            above = (above as NSString).deletingLastPathComponent
        }
        createdParents = missing
        do {
            try? manager.removeItem(at: holder)
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: holder, withIntermediateDirectories: false)
            FolderPlacement.spreadSubfolders(of: holder.path)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw WriteError(path: staging.path, message: "cannot stage the site: \(error.localizedDescription)")
        }
        folders.insert("")
    }

    public func reuse(_ paths: [String], key: String) -> Bool {
        guard let old = oldPath, !paths.isEmpty else { return false }
        for path in paths {
            // Paths joined as strings: URL.appendingPathComponent per file was most of this check.
            // A path found in the output (`presentStamps`) is inside it: only others are checked before a stat.
            guard previousKeys[path] == key, let stamp = previousStamps[path] else { return false }
            if let presentStamps {
                guard presentStamps[path] == stamp else { return false }
            } else {
                guard SitePath.isSafe(path), BuildManifest.stamp(old + "/" + path) == stamp else { return false }
            }
        }
        lock.withLock {
            result.unchanged += paths.count
            for path in paths {
                keys[path] = key
                kept.insert(path)
            }
        }
        return true
    }

    /// A staged file keeps its stamp when moved into the output; an unchanged one keeps the output's.
    public func stamp(of path: String) -> String? {
        guard SitePath.isSafe(path) else { return nil }
        if lock.withLock({ kept.contains(path) }), let old { return BuildManifest.stamp(old.appendingPathComponent(path).path) }
        return BuildManifest.stamp(staging.appendingPathComponent(path).path)
    }

    public func remember(_ paths: [String], key: String) {
        lock.withLock { for path in paths { keys[path] = key } }
    }

    /// Stages one file: hard-linked from the old output when its bytes are the same, else written.
    public func put(_ path: String, _ bytes: [UInt8]) throws {
        let target = try prepare(path)
        // Never write through a link to the old output's file.
        unlink(target)
        if let old, Self.sameContents(old.appendingPathComponent(path).path, bytes) {
            count(path: path, error: nil)
            return
        }
        let error = Self.writeFile(target) { fd in Self.writeAll(fd, bytes) }
        count(path: path, error: error)
        if error != 0 { throw WriteError(path: path, message: String(cString: strerror(error))) }
    }

    /// Stages a large file piece by piece; if it turns out the same as the old output's, the old
    /// file is linked in its place.
    public func put(_ path: String, chunks produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        try put(path, fileChunks: { fd in
            try produce { bytes in
                let code = Self.writeAll(fd, bytes)
                if code != 0 { throw WriteError(path: path, message: String(cString: strerror(code))) }
            }
        })
    }

    /// Stages a file that `write` writes to the descriptor it is given.
    private func put(_ path: String, fileChunks write: (Int32) throws -> Void) throws {
        let target = try prepare(path)
        unlink(target)
        var produceError: (any Error)?
        let error = Self.writeFile(target) { fd in
            do { try write(fd) } catch { produceError = error }
            return 0
        }
        if let produceError {
            count(path: path, error: error == 0 ? EIO : error)
            throw produceError
        }
        if error == 0, let old, Self.sameFile(old.appendingPathComponent(path).path, target) {
            unlink(target)
            count(path: path, error: nil)
            return
        }
        count(path: path, error: error)
        if error != 0 { throw WriteError(path: path, message: String(cString: strerror(error))) }
    }

    /// Stages a large file of new bytes and ranges of existing files (copied by the kernel).
    public func put(_ path: String, pieces produce: (_ emit: (FilePiece) throws -> Void) throws -> Void) throws {
        var sources: [String: Int32] = [:]
        defer { for fd in sources.values { close(fd) } }
        try put(path, fileChunks: { fd in
            try produce { piece in
                let code: Int32
                switch piece {
                case .bytes(let bytes): code = Self.writeAll(fd, bytes)
                case .copy(let file, let range):
                    var source = sources[file] ?? -1
                    if source < 0 {
                        source = open(file, O_RDONLY | O_CLOEXEC)
                        if source < 0 { throw WriteError(path: file, message: String(cString: strerror(errno))) }
                        sources[file] = source
                    }
                    code = KernelCopy.copy(from: source, offset: range.lowerBound, count: range.count, to: fd)
                }
                if code != 0 { throw WriteError(path: path, message: String(cString: strerror(code))) }
            }
        })
    }

    /// Removes the staging folder; the output stays as it was.
    public func discard() {
        try? FileManager.default.removeItem(at: holder)
        // The folders made to hold the output, when nothing was put in them after all.
        for folder in createdParents { rmdir(folder) }
    }

    /// Checks the path and creates its folder in the staging folder (once per folder).
    func prepare(_ path: String) throws(WriteError) -> String {
        guard SitePath.isSafe(path) else {
            let error = WriteError(path: path, message: "path leaves the output folder")
            lock.withLock { if failure == nil { failure = error } }
            throw error
        }
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        if !lock.withLock({ folders.contains(folder) }) {
            do {
                try FileManager.default.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            } catch {
                let failed = WriteError(path: path, message: "cannot stage the site: \(error.localizedDescription)")
                lock.withLock { if failure == nil { failure = failed } }
                throw failed
            }
            _ = lock.withLock { folders.insert(folder) }
        }
        return staging.appendingPathComponent(path).path
    }

    /// `error` nil: unchanged (left in the output); 0: written; otherwise the errno of a failed write.
    private func count(path: String, error: Int32?) {
        lock.withLock {
            switch error {
            case nil:
                result.unchanged += 1
                kept.insert(path)
            case 0?:
                result.written += 1
                staged.insert(path)
            case let code?: if failure == nil { failure = WriteError(path: path, message: String(cString: strerror(code))) }
            }
        }
    }
}

public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): error: \(message)" }
}
