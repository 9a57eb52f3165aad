import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiModel

/// Every report of the last build, checked, in one binary file (`reports.bin` in the cache
/// folder), so that a rebuild neither reads, parses, checks nor JSON-decodes the reports that
/// did not change:
/// - a file whose path and stamp (size, modification time, inode) are as recorded is not even
///   read: its report is decoded from the cache, and its text read later only if a page needs it;
/// - a file whose bytes are as recorded (same parse key) is not parsed again;
/// - a report is checked again only when its check key changed: its parse, its id, its
///   previous-year report's parse and id, the configuration, or gongkai's binary.
/// Each entry also keeps the report's digest (what its pages are made from) and where its element
/// lies in the last `data/reports.json`. A file that does not read back is discarded with a note.
public final class ReportCache: @unchecked Sendable {
    static let fileName = "reports.bin"
    static let magic = Array("gongkai-reports\n".utf8)
    static let version = ParseCache.version + "/reports-1"

    struct Entry: Sendable {
        var path: String
        var stamp: String
        var parseKey: String
        /// The report's id as parsed, before `uniqueIDs`.
        var parsedID: String
        var checkKey: String
        var digest: String
        /// The report's element in the last `data/reports.json`: offset and length (length 0: none).
        var jsonOffset: Int = 0
        var jsonLength: Int = 0
        /// The digest of the report that element was written from.
        var jsonDigest: String = ""
        /// The checked report, without its text, in `ReportBinaryCoding`.
        var binary: ArraySlice<UInt8>
    }

    private let directory: URL?
    private let lock = NSLock()
    private var byPath: [String: Entry] = [:]
    private var byParseKey: [String: Entry] = [:]
    private var next: [String: Entry] = [:]
    /// The stamp of the `data/reports.json` the entries' offsets point into.
    private(set) var jsonStamp = ""
    public private(set) var notes: [String] = []

    public init(directory: URL?) {
        self.directory = directory
        guard let directory else { return }
        load(directory.appendingPathComponent(Self.fileName))
    }

    private func load(_ url: URL) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return }
        let bytes = [UInt8](data)
        var input = BinaryReader(bytes[...])
        do {
            guard try input.slice(Self.magic.count).elementsEqual(Self.magic) else { throw BinaryReader.Malformed() }
            guard try input.string() == Self.version else {
                notes.append("cache \(url.path): written by another version of gongkai; discarded")
                return
            }
            jsonStamp = try input.string()
            let count = try input.count()
            for _ in 0..<count {
                var entry = Entry(
                    path: try input.string(), stamp: try input.string(), parseKey: try input.string(), parsedID: try input.string(),
                    checkKey: try input.string(), digest: try input.string(), binary: [])
                entry.jsonOffset = try input.int()
                entry.jsonLength = try input.int()
                entry.jsonDigest = try input.string()
                entry.binary = try input.slice(try input.count())
                byPath[entry.path] = entry
                byParseKey[entry.parseKey] = entry
            }
        } catch {
            byPath = [:]
            byParseKey = [:]
            notes.append("cache \(url.path) is corrupt: discarded, every file is parsed again")
        }
    }

    func entry(path: String) -> Entry? { lock.withLock { byPath[path] } }
    func entry(parseKey: String) -> Entry? { lock.withLock { byParseKey[parseKey] } }

    /// Keeps `entry` for the next build (entries not kept are dropped when saved).
    func keep(_ entry: Entry) { lock.withLock { next[entry.path] = entry } }

    /// Where each report's element lies in the last `data/reports.json`, by source path, if that
    /// file still has the stamp it had when it was written.
    func jsonElements(in file: String) -> [String: ReportsJSON.Element] {
        guard !jsonStamp.isEmpty, FileStamp.of(file) == jsonStamp else { return [:] }
        return lock.withLock {
            var result: [String: ReportsJSON.Element] = [:]
            for (path, entry) in byPath where entry.jsonLength > 0 {
                result[path] = ReportsJSON.Element(offset: entry.jsonOffset, length: entry.jsonLength, digest: entry.jsonDigest)
            }
            return result
        }
    }

    /// Records where each report's element lies in the `data/reports.json` just written (by source path).
    func recordJSON(stamp: String?, elements: [String: ReportsJSON.Element]) {
        lock.withLock {
            jsonStamp = stamp ?? ""
            for path in next.keys {
                let element = elements[path]
                next[path]?.jsonOffset = element?.offset ?? 0
                next[path]?.jsonLength = element?.length ?? 0
                next[path]?.jsonDigest = element?.digest ?? ""
            }
        }
    }

    /// Writes the kept entries (with plain POSIX calls and a rename: no fsync of a file that
    /// is only a cache).
    public func save() {
        guard let directory else { return }
        var out = BinaryWriter()
        out.bytes += Self.magic
        let (entries, stamp) = lock.withLock { (next.values.sorted { $0.path < $1.path }, jsonStamp) }
        out.string(Self.version)
        out.string(stamp)
        out.int(entries.count)
        for entry in entries {
            for field in [entry.path, entry.stamp, entry.parseKey, entry.parsedID, entry.checkKey, entry.digest] { out.string(field) }
            out.int(entry.jsonOffset)
            out.int(entry.jsonLength)
            out.string(entry.jsonDigest)
            out.int(entry.binary.count)
            out.bytes += entry.binary
        }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        FileWriting.replace(directory.appendingPathComponent(Self.fileName).path, with: out.bytes)
    }
}

/// A file's stamp: `size:mtime-ns:inode`, or nil when it is not a regular file. The same form as
/// the build manifest's, so that a file replaced or touched is noticed.
enum FileStamp {
    static func of(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ino)"
    }
}

enum FileWriting {
    /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
    @discardableResult
    static func replace(_ path: String, with bytes: [UInt8]) -> Bool {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        var ok = true
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let n = write(fd, base + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; ok = false; return }
                offset += n
            }
        }
        if close(fd) != 0 { ok = false }
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
