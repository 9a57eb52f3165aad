import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiSite

/// What the last good build read and wrote, kept in the cache folder. When no input has changed
/// (every content and theme file's path, size and modification time, and gongkai's own binary)
/// and the output is exactly as that build left it, there is nothing to do: a rebuild of a
/// city's site with no change costs a few thousand `stat` calls instead of a build.
///
/// Folders are walked with readdir/fstatat and the manifest is plain text (a line per file):
/// Foundation's enumerator (a URL per file) and JSON decoding took most of a no-change rebuild.
struct BuildManifest: Equatable {
    struct Summary: Codable, Equatable {
        var reportsRead: Int
        var skipped: [String]
        var pagesWritten: Int
        var filesWritten: Int
        var findings: Int
    }

    var inputs: [String: String]
    var outputs: [String: String]
    /// Render keys of the pages (`RenderKeys`), by path relative to the output.
    var keys: [String: String] = [:]
    var summary: Summary

    static let fileName = "build-manifest.txt"
    static let header = "gongkai build manifest 3"

    /// Path → `size:mtime:inode` for every file under the folders (hidden files skipped), and the
    /// running binary's, since the built-in theme and the rules live in it.
    static func fingerprint(of folders: [URL]) -> [String: String] {
        var result: [String: String] = [:]
        for folder in folders { result.merge(stamps(under: folder)) { first, _ in first } }
        if let binary = Bundle.main.executableURL { result["<gongkai>"] = stamp(binary.path) }
        return result
    }

    /// Every regular file under `folder` (symbolic links followed, each folder once), by its path
    /// (relative to `folder` with `relative`, else absolute), with its stamp. What a build cannot
    /// read is in it too, with a stamp starting `!` (a name not in UTF-8, a folder that cannot be
    /// opened, a link that leads nowhere), so that it changing makes the build run and name it.
    static func stamps(under folder: URL, relative: Bool = false) -> [String: String] {
        let root = folder.standardizedFileURL.path
        let realRoot = OutputFolder.realPath(root) ?? root
        var result: [String: String] = [:]
        // Folders are read one by one (readdir is cheap); the files of all of them are then
        // stat'ed in parallel chunks (a content folder is many folders of a few hundred files).
        var pending = [(path: root, key: relative ? "" : root + "/")]
        var visited: Set<String> = []
        while !pending.isEmpty {
            var batch: [(directory: OpaquePointer, folder: String, key: String, names: [(name: String, unknownType: Bool)])] = []
            var next: [(path: String, key: String)] = []
            for (folder, key) in pending {
                guard let handle = opendir(folder) else {
                    result[key] = "!folder:\(errno)"
                    continue
                }
                var info = stat()
                guard fstat(dirfd(handle), &info) == 0, visited.insert("\(info.st_dev):\(info.st_ino)").inserted else {
                    closedir(handle)
                    continue
                }
                var names: [(name: String, unknownType: Bool)] = []
                while let entry = readdir(handle) {
                    let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
                    guard bytes.first != UInt8(ascii: ".") else { continue }
                    guard let name = String(validating: bytes, as: UTF8.self) else {
                        result[key + String(decoding: bytes, as: UTF8.self)] = "!name"
                        continue
                    }
                    if entry.pointee.d_type == UInt8(DT_DIR) {
                        next.append((folder + "/" + name, key + name + "/"))
                        continue
                    }
                    names.append((name, entry.pointee.d_type == UInt8(DT_UNKNOWN) || entry.pointee.d_type == UInt8(DT_LNK)))
                }
                batch.append((handle, folder, key, names))
            }
            pending = next
            // One job per chunk of a folder's names.
            let chunk = 512
            var jobs: [(folder: Int, range: Range<Int>)] = []
            for (index, folder) in batch.enumerated() {
                for start in stride(from: 0, to: folder.names.count, by: chunk) { jobs.append((index, start..<min(folder.names.count, start + chunk))) }
            }
            let found = StatSlots(count: jobs.count), chunks = jobs
            let folders = batch.map { (fd: dirfd($0.directory), folder: $0.folder, key: $0.key, names: $0.names) }
            let statJob: @Sendable (Int) -> Void = { index in
                let job = chunks[index], folder = folders[job.folder]
                var stamps: [(String, String)] = [], subfolders: [(String, String)] = []
                for (name, otherType) in folder.names[job.range] {
                    var info = stat()
                    guard fstatat(folder.fd, name, &info, 0) == 0 else {
                        stamps.append((folder.key + name, "!missing:\(errno)"))
                        continue
                    }
                    switch info.st_mode & S_IFMT {
                    case S_IFREG: stamps.append((folder.key + name, stamp(info)))
                    case S_IFDIR where otherType:
                        // A folder linked from outside the walked folder is not walked (it may be `/`).
                        let path = folder.folder + "/" + name
                        if let real = OutputFolder.realPath(path), real == realRoot || real.hasPrefix(realRoot + "/") {
                            subfolders.append((path, folder.key + name + "/"))
                        } else {
                            stamps.append((folder.key + name, "!outside"))
                        }
                    default: break
                    }
                }
                found.set(index, stamps, subfolders)
            }
            if chunks.count > 1 { DispatchQueue.concurrentPerform(iterations: chunks.count, execute: statJob) } else if chunks.count == 1 { statJob(0) }
            for folder in batch { closedir(folder.directory) }
            var total = result.count
            for (stamps, _) in found.values { total += stamps.count }
            result.reserveCapacity(total)
            for (stamps, subfolders) in found.values {
                for (path, stamp) in stamps { result[path] = stamp }
                pending += subfolders
            }
        }
        return result
    }

    /// Each chunk's stamps and folders, set by exactly one iteration.
    private final class StatSlots: @unchecked Sendable {
        private var slots: [([(String, String)], [(String, String)])]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: ([], []), count: count) }
        func set(_ index: Int, _ stamps: [(String, String)], _ folders: [(String, String)]) { lock.withLock { slots[index] = (stamps, folders) } }
        var values: [([(String, String)], [(String, String)])] { lock.withLock { slots } }
    }

    /// The stamps with paths relative to `root` (an output folder's files are named so in the manifest).
    static func relative(_ stamps: [String: String], to root: String) -> [String: String] {
        var result: [String: String] = [:]
        for (path, stamp) in stamps where path.hasPrefix(root + "/") { result[String(path.dropFirst(root.count + 1))] = stamp }
        return result
    }

    /// `size:mtime-ns:inode:mode` of a regular file, or nil (the mode: a file made unreadable
    /// since the last build is read again, and named, not republished from the cache).
    static func stamp(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return stamp(info)
    }

    private static func stamp(_ info: stat) -> String {
        "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ino):\(String(info.st_mode & 0o7777, radix: 8))"
    }

    /// Reads the manifest, or nil when it is missing or not one this version wrote. Split on the
    /// bytes `\n` and `\t` (String's `split` goes by grapheme cluster: most of a no-change rebuild).
    static func load(from cache: URL) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: cache.appendingPathComponent(fileName).path) else { return nil }
        return data.withUnsafeBytes { raw -> BuildManifest? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines: [Range<Int>] = []
            var lineStart = 0
            for index in 0..<bytes.count where bytes[index] == 0x0A {
                lines.append(lineStart..<index)
                lineStart = index + 1
            }
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            guard lines.count >= 2, text(lines[0]) == header,
                  let summary = try? JSONDecoder().decode(Summary.self, from: Data(UnsafeBufferPointer(rebasing: bytes[lines[1]]))) else { return nil }
            var manifest = BuildManifest(inputs: [:], outputs: [:], keys: [:], summary: summary)
            // Sized once from the lines' kinds: growing three dictionaries of thousands of entries
            // step by step rehashed them again and again.
            var counts: [UInt8: Int] = [:]
            for line in lines.dropFirst(2) where !line.isEmpty { counts[bytes[line.lowerBound], default: 0] += 1 }
            manifest.inputs.reserveCapacity(counts[UInt8(ascii: "i")] ?? 0)
            manifest.outputs.reserveCapacity(counts[UInt8(ascii: "o")] ?? 0)
            manifest.keys.reserveCapacity(counts[UInt8(ascii: "k")] ?? 0)
            for line in lines.dropFirst(2) where !line.isEmpty {
                guard line.count > 2, bytes[line.lowerBound + 1] == 0x09,
                      let tab = (line.lowerBound + 2..<line.upperBound).first(where: { bytes[$0] == 0x09 }) else { return nil }
                let path = text(line.lowerBound + 2..<tab), value = text(tab + 1..<line.upperBound)
                switch bytes[line.lowerBound] {
                case UInt8(ascii: "i"): manifest.inputs[path] = value
                case UInt8(ascii: "o"): manifest.outputs[path] = value
                case UInt8(ascii: "k"): manifest.keys[path] = value
                default: return nil
                }
            }
            return manifest
        }
    }

    /// Saved only when no path holds a tab or a newline (the format's separators); without a
    /// manifest the next build simply does all the work.
    func save(to cache: URL) {
        let target = cache.appendingPathComponent(Self.fileName)
        try? FileManager.default.removeItem(at: target)
        guard let summary = try? JSONEncoder().encode(summary) else { return }
        // Bytes appended, not a String built by interpolation: tens of thousands of lines.
        var bytes = Array((Self.header + "\n").utf8) + Array(summary) + [10]
        bytes.reserveCapacity((inputs.count + outputs.count + keys.count) * 96)
        for (kind, entries) in [(UInt8(ascii: "i"), inputs), (UInt8(ascii: "o"), outputs), (UInt8(ascii: "k"), keys)] {
            // In the dictionary's order, not sorted: the order means nothing to `load`, and
            // sorting tens of thousands of paths was a third of the save.
            for (path, value) in entries {
                bytes.append(kind)
                bytes.append(9)
                let start = bytes.count
                bytes += path.utf8
                // A path holding a tab or a newline (the format's separators): no manifest. Checked
                // on the bytes just appended (contiguous), not by a search of each path's view.
                if bytes[start...].contains(where: { $0 == 9 || $0 == 10 }) { return }
                bytes.append(9)
                bytes += value.utf8
                bytes.append(10)
            }
        }
        try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        // Written and renamed into place without an fsync: it is only a cache.
        let temporary = target.path + ".tmp-\(getpid())"
        guard StagedOutput.writeFile(temporary, { StagedOutput.writeAll($0, bytes) }) == 0, rename(temporary, target.path) == 0 else {
            unlink(temporary)
            return
        }
    }
}
