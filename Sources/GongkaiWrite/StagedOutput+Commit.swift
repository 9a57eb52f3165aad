import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Publishing the staged site: a first build's folder renamed into place, a rebuild's changed
/// files moved in under a journal. Only files gongkai wrote (listed in the output's mark) are
/// ever removed or replaced by a whole-folder swap; every other file in the output is kept.
extension StagedOutput {
    /// Publishes the build: a first build's staging folder is renamed into place; a rebuild's
    /// changed files are moved over the output's under a journal, and files no longer made removed.
    /// With `background`, what is left of the staging folder is removed on it (wait before exiting).
    public func commit(background: DispatchGroup? = nil) throws(WriteError) -> OutputWriter.Result {
        let firstFailure: WriteError? = lock.withLock { self.failure }
        if let firstFailure {
            discard()
            throw firstFailure
        }
        let (kept, staged) = lock.withLock { (self.kept, self.staged) }
        let made = kept.union(staged)
        try mark(made)
        guard let old else { return try swap() }
        let moves = lock.withLock { self.staged }
        let present = Self.files(under: old.path)
        // Only files an earlier build wrote (its mark lists them) are removed; the user's stay.
        let removals = present.intersection(written).subtracting(made).sorted()
        // A file where a folder is needed (or the reverse) cannot be renamed over: swap the whole
        // folder, with the unchanged files and every file that is not gongkai's linked into it.
        guard CommitJournal.canRecord(made), !staged.contains(where: { conflicts($0, present: present) }) else {
            linkKept(moves.contains(OutputMark.name) ? kept : kept.union([OutputMark.name]), from: old)
            try keepForeign(present.subtracting(written).subtracting(made).subtracting([OutputMark.name]), from: old)
            return try swap()
        }
        lock.withLock { removed = removals }
        let journal = CommitJournal(
            pid: ProcessInfo.processInfo.processIdentifier, staging: holder.lastPathComponent + "/" + staging.lastPathComponent, moves: moves.sorted(), removals: removals)
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
        // The output's files as they were (the user's own among them), less those removed.
        var stamps = present
        for path in lock.withLock({ removed }) { stamps[path] = nil }
        // As `BuildManifest.stamps(under:)` sees the output: hidden files are not in it.
        func hidden(_ path: String) -> Bool {
            var previous: UInt8 = 0x2F  // a leading `.` counts as after a slash
            for byte in path.utf8 {
                if byte == 0x2E, previous == 0x2F { return true }
                previous = byte
            }
            return false
        }
        for path in kept where !hidden(path) && stamps[path] == nil {
            guard let stamp = BuildManifest.stamp(output.path + "/" + path) else { continue }
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

    /// Links the unchanged files into the staging folder, for a whole-folder swap.
    private func linkKept(_ kept: Set<String>, from old: URL) {
        for path in kept {
            guard let target = try? prepare(path) else { continue }
            link(old.appendingPathComponent(path).path, target)
        }
    }

    /// Stages the output's mark listing the files this build made, unless it is already so; it is
    /// not counted among the site's files.
    private func mark(_ made: Set<String>) throws(WriteError) {
        let bytes = OutputMark.bytes(made)
        if let old, Self.sameContents(old.path + "/" + OutputMark.name, bytes) { return }
        let error = Self.writeFile(staging.path + "/" + OutputMark.name) { Self.writeAll($0, bytes) }
        guard error == 0 else {
            discard()
            throw WriteError(path: OutputMark.name, message: String(cString: strerror(error)))
        }
        _ = lock.withLock { staged.insert(OutputMark.name) }
    }

    /// Links the files gongkai did not write (and their folders) into the staging folder before a
    /// whole-folder swap. One that cannot be (a file of the user's where the site needs a folder)
    /// stops the build with the output as it was.
    private func keepForeign(_ foreign: Set<String>, from old: URL) throws(WriteError) {
        for folder in Self.subfolders(under: old.path) where !lock.withLock({ folders.contains(folder) }) {
            mkdir(staging.path + "/" + folder, 0o755)
        }
        for path in foreign.sorted() {
            let target = staging.path + "/" + path
            guard linkat(AT_FDCWD, old.path + "/" + path, AT_FDCWD, target, 0) == 0 else {
                let reason = String(cString: strerror(errno))
                discard()
                throw WriteError(
                    path: old.path + "/" + path,
                    message: "this file was not written by gongkai and cannot be kept where the new site needs its place (\(reason)); nothing was changed. Move it, then build again")
            }
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

}
