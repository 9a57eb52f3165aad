import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiModel

/// Every report of the last build, checked, in binary files in the cache folder (`reports-NN.bin`,
/// the reports spread over them by path, so that a rebuild rewrites only the files whose reports
/// changed; `reports-json.bin` says where each report lies in `data/reports.json`), so that a
/// rebuild neither reads, parses, checks nor JSON-decodes the reports that did not change:
/// - a file whose path and stamp (size, modification time, inode) are as recorded is not even
///   read: its report is decoded from the cache, and its text read later only if a page needs it;
/// - a file whose bytes are as recorded (same parse key) is not parsed again;
/// - a report is checked again only when its check key changed: its parse, its id, its
///   previous-year report's parse and id, the configuration, or gongkai's binary.
/// Each entry also keeps the report's digest (what its pages are made from) and where its element
/// lies in the last `data/reports.json`. A file that does not read back is discarded with a note.
public final class ReportCache: @unchecked Sendable {
    static let shardCount = 32
    static func shardName(_ shard: Int) -> String { "reports-\(shard < 10 ? "0" : "")\(shard).bin" }
    static let jsonIndexName = "reports-json.bin"
    static let magic = Array("gongkai-reports\n".utf8)
    static let version = ParseCache.version + "/reports-3"

    /// The shard of a report's entry: a hash of its path that is the same in every process.
    static func shard(of path: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in path.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % UInt32(shardCount))
    }

    struct Entry: Sendable {
        var path: String
        var stamp: String
        var parseKey: String
        /// The report's id as parsed, before `uniqueIDs`.
        var parsedID: String
        var checkKey: String
        var digest: String
        /// The report's `data/reports.csv` row (`DataExports.csvRow`).
        var csvRow: String
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
    /// Whether the shard files were all read (a shard that was not is written whatever it holds).
    private var shardsLoaded = false
    /// The stamp of the `data/reports.json` the entries' offsets point into.
    private(set) var jsonStamp = ""
    public private(set) var notes: [String] = []

    public init(directory: URL?) {
        self.directory = directory
        guard let directory else { return }
        load(directory)
        transliterationsLoaded = TransliterationCache.load(from: directory)
    }

    /// How many transliterations the cache folder held (`TransliterationCache`).
    private var transliterationsLoaded = 0

    private func load(_ directory: URL) {
        // The shards are read in parallel: together they hold every report, tens of megabytes.
        let shards = ParallelMap.map(Array(0..<Self.shardCount)) { shard -> Result<[Entry], any Error>? in
            guard let bytes = FileWriting.contents(directory.appendingPathComponent(Self.shardName(shard)).path) else { return nil }
            return Result { try Self.entries(in: bytes) }
        }
        var all: [Entry] = []
        do {
            guard shards.first.map({ $0 != nil }) == true else { return }
            for shard in shards {
                guard let shard else { throw BinaryReader.Malformed() }
                all += try shard.get()
            }
            var json: [String: ReportsJSON.Element] = [:]
            if let data = FileManager.default.contents(atPath: directory.appendingPathComponent(Self.jsonIndexName).path) {
                var input = BinaryReader([UInt8](data)[...])
                try Self.header(&input)
                jsonStamp = try input.string()
                for _ in 0..<(try input.count()) {
                    json[try input.string()] = ReportsJSON.Element(offset: try input.int(), length: try input.int(), digest: try input.string())
                }
            }
            byPath.reserveCapacity(all.count)
            byParseKey.reserveCapacity(all.count)
            for var entry in all {
                if let element = json[entry.path] {
                    entry.jsonOffset = element.offset
                    entry.jsonLength = element.length
                    entry.jsonDigest = element.digest
                }
                byPath[entry.path] = entry
                byParseKey[entry.parseKey] = entry
            }
            shardsLoaded = true
        } catch let error as Foreign {
            notes.append("cache \(directory.path): written by \(error.version.isEmpty ? "another version of gongkai" : error.version), not \(Self.version); discarded")
        } catch {
            byPath = [:]
            byParseKey = [:]
            jsonStamp = ""
            notes.append("cache \(directory.path) is corrupt: discarded, every file is parsed again")
        }
    }

    private struct Foreign: Error { var version: String }

    private static func entries(in bytes: [UInt8]) throws -> [Entry] {
        var input = BinaryReader(bytes[...])
        try header(&input)
        var entries: [Entry] = []
        for _ in 0..<(try input.count()) {
            entries.append(Entry(
                path: try input.string(), stamp: try input.string(), parseKey: try input.string(), parsedID: try input.string(),
                checkKey: try input.string(), digest: try input.string(), csvRow: try input.string(), binary: try input.slice(try input.count())))
        }
        return entries
    }

    private static func header(_ input: inout BinaryReader) throws {
        guard try input.slice(magic.count).elementsEqual(magic) else { throw BinaryReader.Malformed() }
        let version = try input.string()
        guard version == Self.version else { throw Foreign(version: version) }
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

    /// Writes the kept entries: each shard file whose entries changed, and the JSON index (with
    /// plain POSIX calls and a rename: no fsync of a file that is only a cache).
    public func save() {
        guard let directory else { return }
        let (entries, stamp, previous, loaded) = lock.withLock { (next, jsonStamp, byPath, shardsLoaded) }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        TransliterationCache.save(to: directory, loaded: transliterationsLoaded)
        var shards = [[Entry]](repeating: [], count: Self.shardCount)
        for entry in entries.values { shards[Self.shard(of: entry.path)].append(entry) }
        var unchanged = [Bool](repeating: loaded, count: Self.shardCount)
        for entry in entries.values where !Self.same(entry, previous[entry.path]) { unchanged[Self.shard(of: entry.path)] = false }
        for path in previous.keys where entries[path] == nil { unchanged[Self.shard(of: path)] = false }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for shard in 0..<Self.shardCount where !unchanged[shard] {
            var out = BinaryWriter()
            out.bytes += Self.magic
            out.string(Self.version)
            let sorted = shards[shard].sorted { $0.path < $1.path }
            out.int(sorted.count)
            for entry in sorted {
                for field in [entry.path, entry.stamp, entry.parseKey, entry.parsedID, entry.checkKey, entry.digest, entry.csvRow] { out.string(field) }
                out.int(entry.binary.count)
                out.bytes += entry.binary
            }
            FileWriting.replace(directory.appendingPathComponent(Self.shardName(shard)).path, with: out.bytes)
        }
        var out = BinaryWriter()
        out.bytes += Self.magic
        out.string(Self.version)
        out.string(stamp)
        let withJSON = entries.values.filter { $0.jsonLength > 0 }.sorted { $0.path < $1.path }
        out.int(withJSON.count)
        for entry in withJSON {
            out.string(entry.path)
            out.int(entry.jsonOffset)
            out.int(entry.jsonLength)
            out.string(entry.jsonDigest)
        }
        FileWriting.replace(directory.appendingPathComponent(Self.jsonIndexName).path, with: out.bytes)
    }

    /// Whether an entry's shard record is as it was read (the digest stands for the binary).
    private static func same(_ a: Entry, _ b: Entry?) -> Bool {
        guard let b else { return false }
        return a.path == b.path && a.stamp == b.stamp && a.parseKey == b.parseKey && a.parsedID == b.parsedID
            && a.checkKey == b.checkKey && a.digest == b.digest && a.csvRow == b.csvRow
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
    /// A regular file's bytes, read straight into an array (no `Data` copied over), or nil.
    static func contents(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var offset = 0
            while offset < size, let base = buffer.baseAddress {
                let n = read(fd, base + offset, size - offset)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { break }
                offset += n
            }
            failed = offset != size
            count = offset
        }
        return failed ? nil : bytes
    }

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
