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
    private let oldPath: String?
    private let lock = NSLock()
    private var folders: Set<String> = []
    private var result = OutputWriter.Result(written: 0, unchanged: 0)
    private var failure: WriteError?
    /// The previous build's render keys and output stamps (see `reuse`).
    private let previousKeys: [String: String]
    private let previousStamps: [String: String]
    /// The output's stamps as the build found them (nil: each file is stat'ed when needed).
    private let presentStamps: [String: String]?
    /// The rebuild's changed files were moved into the output one by one (not the whole folder swapped).
    private var movedInPlace = false
    /// The render keys of this build's files.
    private var keys: [String: String] = [:]
    /// A rebuild (there is an old output): files whose bytes did not change are left in the output
    /// (`kept`) instead of being linked into the staging folder; `staged` are the ones written.
    private var kept: Set<String> = []
    private var staged: Set<String> = []
    var renderKeys: [String: String] { lock.withLock { keys } }
    public let keepsRenderKeys: Bool

    public convenience init(output: URL) throws(WriteError) {
        try self.init(output: output, keepsRenderKeys: false, previousKeys: [:], previousStamps: [:], presentStamps: nil)
    }

    /// `previousKeys` and `previousStamps` (by path relative to the output) come from the last
    /// build's manifest: a file is taken from the old output only if it still has the stamp that
    /// build recorded, i.e. nobody has touched it since.
    /// `presentStamps`: the output's files' stamps as they are now, if the caller has just read them.
    init(
        output: URL, keepsRenderKeys: Bool, previousKeys: [String: String], previousStamps: [String: String],
        presentStamps: [String: String]?
    ) throws(WriteError) {
        self.keepsRenderKeys = keepsRenderKeys
        self.previousKeys = previousKeys
        self.previousStamps = previousStamps
        self.presentStamps = presentStamps
        let output = output.standardizedFileURL
        guard output.path != "/", !output.lastPathComponent.isEmpty else { throw WriteError(path: output.path, message: "refusing to replace the root folder") }
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

    /// Publishes the build: a first build's staging folder is renamed into place; a rebuild's
    /// changed files are moved over the output's under a journal, and files no longer made removed.
    /// With `background`, what is left of the staging folder is removed on it (wait before exiting).
    public func commit(background: DispatchGroup? = nil) throws(WriteError) -> OutputWriter.Result {
        let firstFailure: WriteError? = lock.withLock { self.failure }
        if let firstFailure {
            discard()
            throw firstFailure
        }
        guard let old else { return try swap() }
        let (kept, staged) = lock.withLock { (self.kept, self.staged) }
        let made = kept.union(staged)
        let present = Self.files(under: old.path)
        let removals = present.subtracting(made).sorted()
        // A file where a folder is needed (or the reverse) cannot be renamed over: swap the whole folder.
        guard CommitJournal.canRecord(made), !staged.contains(where: { conflicts($0, present: present) }) else {
            linkKept(kept, from: old)
            return try swap()
        }
        let journal = CommitJournal(
            pid: ProcessInfo.processInfo.processIdentifier, staging: holder.lastPathComponent + "/" + staging.lastPathComponent, moves: staged.sorted(), removals: removals)
        do {
            try journal.write(for: output)
        } catch {
            discard()
            throw WriteError(path: CommitJournal.url(for: output).path, message: "cannot write the commit journal")
        }
        journal.apply(to: output, background: background)
        return lock.withLock {
            movedInPlace = true
            return result
        }
    }

    /// After a commit that moved the changed files into the output: every output file's stamp,
    /// from `present` (the stamps before the build) for the files left as they were and from the
    /// output for the ones moved in. Nil after a whole-folder swap (the caller walks the output).
    func committedStamps(present: [String: String]?) -> [String: String]? {
        let (moved, kept, staged) = lock.withLock { (movedInPlace, self.kept, self.staged) }
        guard moved, let present else { return nil }
        var stamps: [String: String] = [:]
        stamps.reserveCapacity(kept.count + staged.count)
        // As `BuildManifest.stamps(under:)` sees the output: hidden files are not in it.
        func hidden(_ path: String) -> Bool {
            var previous: UInt8 = 0x2F  // a leading `.` counts as after a slash
            for byte in path.utf8 {
                if byte == 0x2E, previous == 0x2F { return true }
                previous = byte
            }
            return false
        }
        for path in kept where !hidden(path) {
            guard let stamp = present[path] ?? BuildManifest.stamp(output.path + "/" + path) else { continue }
            stamps[path] = stamp
        }
        for path in staged where !hidden(path) {
            guard let stamp = BuildManifest.stamp(output.path + "/" + path) else { continue }
            stamps[path] = stamp
        }
        return stamps
    }

    /// Whether `path` cannot be moved into the output by one rename: a folder of its path is a file
    /// there, or it is a folder there.
    private func conflicts(_ path: String, present: Set<String>) -> Bool {
        var info = stat()
        if lstat(output.appendingPathComponent(path).path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return true }
        var folder = ""
        for part in path.split(separator: "/").dropLast() {
            folder += folder.isEmpty ? String(part) : "/" + part
            if present.contains(folder) { return true }
        }
        return false
    }

    /// The files (not folders) under `root`, relative to it.
    static func files(under root: String) -> Set<String> {
        var result: Set<String> = []
        var pending = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? root : root + "/" + relative
            guard let handle = opendir(directory) else { continue }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
                guard name != ".", name != ".." else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    isFolder = lstat(root + "/" + path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isFolder { pending.append(path) } else { result.insert(path) }
            }
            closedir(handle)
        }
        return result
    }

    /// Links the unchanged files into the staging folder, for a whole-folder swap.
    private func linkKept(_ kept: Set<String>, from old: URL) {
        for path in kept {
            guard let target = try? prepare(path) else { continue }
            link(old.appendingPathComponent(path).path, target)
        }
    }

    /// Swaps the staging folder in for the output (two renames); the old output is removed.
    private func swap() throws(WriteError) -> OutputWriter.Result {
        let staged: OutputWriter.Result = lock.withLock { self.result }
        let manager = FileManager.default
        let retired = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            if old != nil { try manager.moveItem(at: output, to: retired) }
            do {
                try manager.moveItem(at: staging, to: output)
            } catch {
                if old != nil { try? manager.moveItem(at: retired, to: output) }
                throw error
            }
            try? manager.removeItem(at: holder)
            try? manager.removeItem(at: retired)
        } catch {
            discard()
            throw WriteError(path: output.path, message: "cannot swap the new site in: \(error.localizedDescription)")
        }
        return staged
    }

    /// Removes the staging folder; the output stays as it was.
    public func discard() {
        try? FileManager.default.removeItem(at: holder)
    }

    /// Checks the path and creates its folder in the staging folder (once per folder).
    private func prepare(_ path: String) throws(WriteError) -> String {
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

    /// Whether the regular file at `path` holds exactly `bytes` (sizes compared first).
    static func sameContents(_ path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return data.elementsEqual(bytes)
    }

    /// Whether two regular files have the same bytes, read a megabyte at a time.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var infoA = stat(), infoB = stat()
        guard lstat(a, &infoA) == 0, lstat(b, &infoB) == 0, (infoA.st_mode & S_IFMT) == S_IFREG, infoA.st_size == infoB.st_size else { return false }
        let fdA = open(a, O_RDONLY | O_CLOEXEC), fdB = open(b, O_RDONLY | O_CLOEXEC)
        defer { if fdA >= 0 { close(fdA) }; if fdB >= 0 { close(fdB) } }
        guard fdA >= 0, fdB >= 0 else { return false }
        let size = 1 << 20
        var bufferA = [UInt8](repeating: 0, count: size), bufferB = [UInt8](repeating: 0, count: size)
        while true {
            let countA = bufferA.withUnsafeMutableBytes { readFully(fdA, $0) }
            let countB = bufferB.withUnsafeMutableBytes { readFully(fdB, $0) }
            guard countA == countB, countA >= 0 else { return false }
            if countA == 0 { return true }
            if bufferA[0..<countA] != bufferB[0..<countB] { return false }
        }
    }

    private static func readFully(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
        var total = 0
        while total < buffer.count {
            let n = read(fd, buffer.baseAddress! + total, buffer.count - total)
            if n < 0 { if errno == EINTR { continue }; return -1 }
            if n == 0 { break }
            total += n
        }
        return total
    }

    /// Creates `path`, lets `body` write to it; returns 0 or the errno.
    static func writeFile(_ path: String, _ body: (Int32) -> Int32) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return errno }
        let error = body(fd)
        return close(fd) != 0 && error == 0 ? errno : error
    }

    /// write(2) until every byte is out; returns 0 or the errno.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return 0 }
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return 0
        }
    }
}

public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): error: \(message)" }
}
