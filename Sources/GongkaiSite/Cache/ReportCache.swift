import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiModel

/// Every report of the last build, checked, in two files in the cache folder, so that a rebuild
/// neither reads, parses, checks nor JSON-decodes the reports that did not change:
/// - `summaries-NN.bin` (shards by path), read whole on every rebuild: per report its path,
///   stamp, keys, digest, `data/reports.csv` row, where its details lie, and its summary part
///   (`ReportBinaryCoding.Parts.summary`: what list pages show); `summaries-json.bin`: where each
///   report's element lies in the last `data/reports.json`;
/// - `reports-details.bin` (`ReportDetailsFile`): the details of every report, read by offset only
///   for the reports whose pages are made again (nine tenths of the bytes).
///
/// - a file whose path and stamp (size, modification time, inode) are as recorded is not even
///   read: its report's summary is decoded, its details and text read later only if a page needs them;
/// - a file whose bytes are as recorded (same parse key) is not parsed again;
/// - a report is checked again only when its check key changed: its parse, its id, its
///   previous-year report's parse and id, the configuration, or gongkai's binary.
/// A summary file that does not read back, or whose details file is missing or of another
/// generation, is discarded with a note; a report whose details record is cut short or damaged is
/// parsed again.
public final class ReportCache: @unchecked Sendable {
    /// The summaries are spread over shards by path, so that a rebuild rewrites only the shards
    /// whose reports changed (`reports.json` offsets, which move whenever a report is added, are
    /// kept apart in `summaries-json.bin`).
    static let shardCount = 16
    static func shardName(_ shard: Int) -> String { "summaries-\(shard < 10 ? "0" : "")\(shard).bin" }
    static let jsonIndexName = "summaries-json.bin"
    static let magic = Array("gongkai-reports\n".utf8)
    static let version = ParseCache.version + "/reports-8"
    /// The files of the earlier layout (32 shards holding whole reports, and a JSON index).
    static let legacyNames = (0..<32).map { "reports-\($0 < 10 ? "0" : "")\($0).bin" } + ["reports-json.bin"]

    /// The shard of a report's entry: a hash of its path that is the same in every process.
    static func shard(of path: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in path.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % UInt32(shardCount))
    }

    /// A report's details: where they lie in the details file, or (made this build) their bytes.
    enum Details: Sendable {
        case stored(ReportDetailsFile.Location)
        case bytes([UInt8])
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
        /// The checked report's summary part, without its text (`ReportBinaryCoding.Parts`).
        var summary: ArraySlice<UInt8>
        var details: Details
    }

    private let directory: URL?
    private let lock = NSLock()
    private var byPath: [String: Entry] = [:]
    private var byParseKey: [String: Entry] = [:]
    private var byParseKeyMade = false
    private var next: [String: Entry] = [:]
    /// The details file the loaded entries point into (nil: none was read).
    private var detailsFile: ReportDetailsFile?
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

    /// Whether the cache folder held names' readings (a new report's names are then most likely among them).
    var keptTransliterations: Bool { transliterationsLoaded > 0 }

    private func load(_ directory: URL) {
        // The shards are read and decoded in parallel; each names the details file's generation.
        let shards = ParallelMap.map(Array(0..<Self.shardCount)) { shard -> Result<Shard, any Error>? in
            FileWriting.contents(directory.appendingPathComponent(Self.shardName(shard)).path).map { bytes in
                Result { try Self.shard(bytes) }
            }
        }
        guard shards.contains(where: { $0 != nil }) else { return }
        do {
            var generation: String?
            var all: [[Entry]] = []
            for read in shards {
                guard let read else { throw BinaryReader.Malformed() }
                let shard = try read.get()
                guard generation == nil || generation == shard.generation else { throw BinaryReader.Malformed() }
                generation = shard.generation
                all.append(shard.entries)
            }
            guard let generation,
                  let details = ReportDetailsFile(path: directory.appendingPathComponent(ReportDetailsFile.name).path, generation: generation) else {
                notes.append("cache \(directory.path): the reports' details are missing or not the ones the summaries point to; discarded, every file is parsed again")
                return
            }
            var json: [String: ReportsJSON.Element] = [:]
            if let bytes = FileWriting.contents(directory.appendingPathComponent(Self.jsonIndexName).path) {
                var input = BinaryReader(bytes[...])
                try Self.header(&input)
                jsonStamp = try input.string()
                let count = try input.count()
                json.reserveCapacity(count)
                for _ in 0..<count {
                    json[try input.string()] = ReportsJSON.Element(offset: try input.int(), length: try input.int(), digest: try input.string())
                }
            }
            let count = all.reduce(0) { $0 + $1.count }
            byPath.reserveCapacity(count)
            var outside = 0
            for entries in all {
                for var entry in entries {
                    if case .stored(let location) = entry.details, !details.contains(location) {
                        outside += 1
                        continue
                    }
                    if let element = json[entry.path] {
                        entry.jsonOffset = element.offset
                        entry.jsonLength = element.length
                        entry.jsonDigest = element.digest
                    }
                    byPath[entry.path] = entry
                }
            }
            detailsFile = details
            if outside > 0 {
                notes.append("cache \(directory.path): the reports' details are cut short; \(outside) files are parsed again")
            }
        } catch let error as Foreign {
            notes.append("cache \(directory.path): written by \(error.version.isEmpty ? "another version of gongkai" : error.version), not \(Self.version); discarded")
            byPath = [:]
            byParseKey = [:]
            jsonStamp = ""
        } catch {
            byPath = [:]
            byParseKey = [:]
            jsonStamp = ""
            notes.append("cache \(directory.path) is corrupt: discarded, every file is parsed again")
        }
    }

    private struct Foreign: Error { var version: String }

    /// One summary shard's entries, and the details file's generation it names.
    private struct Shard: Sendable {
        var generation: String
        var entries: [Entry]
    }

    private static func shard(_ bytes: [UInt8]) throws -> Shard {
        var input = BinaryReader(bytes[...])
        try header(&input)
        let generation = try input.string()
        let count = try input.count()
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count { entries.append(try entry(&input)) }
        guard input.atEnd else { throw BinaryReader.Malformed() }
        return Shard(generation: generation, entries: entries)
    }

    private static func entry(_ input: inout BinaryReader) throws -> Entry {
        let path = try input.string(), stamp = try input.string(), parseKey = try input.string(), parsedID = try input.string()
        let checkKey = try input.string(), digest = try input.string(), csvRow = try input.string()
        let location = ReportDetailsFile.Location(offset: try input.int(), length: try input.int(), hash: try input.uint64())
        return Entry(
            path: path, stamp: stamp, parseKey: parseKey, parsedID: parsedID, checkKey: checkKey, digest: digest, csvRow: csvRow,
            summary: try input.slice(try input.count()),
            details: .stored(location))
    }

    private static func header(_ input: inout BinaryReader) throws {
        guard try input.slice(magic.count).elementsEqual(magic) else { throw BinaryReader.Malformed() }
        let version = try input.string()
        guard version == Self.version else { throw Foreign(version: version) }
    }

    func entry(path: String) -> Entry? { lock.withLock { byPath[path] } }
    /// By parse key: made on first use (only a file that changed or moved is looked up so).
    func entry(parseKey: String) -> Entry? {
        lock.withLock {
            if !byParseKeyMade {
                byParseKey.reserveCapacity(byPath.count)
                for entry in byPath.values { byParseKey[entry.parseKey] = entry }
                byParseKeyMade = true
            }
            return byParseKey[parseKey]
        }
    }

    /// The details' bytes, or nil when their record is missing, cut short or damaged.
    func details(_ details: Details) -> [UInt8]? {
        switch details {
        case .bytes(let bytes): bytes
        case .stored(let location): lock.withLock { detailsFile }?.read(location)
        }
    }

    /// The entry's whole report (without its text), or nil when its details cannot be read.
    func report(_ entry: Entry) -> Report? {
        details(entry.details).flatMap { ReportBinaryCoding.decode(summary: entry.summary, details: $0[...]) }
    }

    /// Keeps `entry` for the next build (entries not kept are dropped when saved).
    func keep(_ entry: Entry) { lock.withLock { next[entry.path] = entry } }

    /// Drops the entry of `path` from the next build's cache (its details could not be read: the
    /// next build parses its file again and stores them afresh).
    func drop(path: String) { _ = lock.withLock { next.removeValue(forKey: path) } }

    func keep(_ entries: [Entry]) {
        lock.withLock {
            next.reserveCapacity(next.count + entries.count)
            for entry in entries { next[entry.path] = entry }
        }
    }

    /// Where each report's element lies in the last `data/reports.json`, by source path, if that
    /// file still has the stamp it had when it was written.
    func jsonElements(in file: String) -> [String: ReportsJSON.Element] {
        guard !jsonStamp.isEmpty, FileStamp.of(file) == jsonStamp else { return [:] }
        return lock.withLock {
            var result: [String: ReportsJSON.Element] = [:]
            result.reserveCapacity(byPath.count)
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
            // Set in place through the values' indices: walking `next.keys` while setting `next[path]`
            // copied the whole dictionary (every entry) and hashed each path three times.
            var index = next.values.startIndex
            while index != next.values.endIndex {
                let element = elements[next.keys[index]]
                next.values[index].jsonOffset = element?.offset ?? 0
                next.values[index].jsonLength = element?.length ?? 0
                next.values[index].jsonDigest = element?.digest ?? ""
                next.values.formIndex(after: &index)
            }
        }
    }

    /// Writes the kept entries: the details made this build appended to the details file (or the
    /// file written afresh when most of it is no longer used), then each summary shard whose
    /// entries changed, and the JSON index (with plain POSIX calls and a rename: no fsync of a
    /// file that is only a cache).
    public func save() {
        guard let directory else { return }
        let (kept, stamp, loadedDetails, previous) = lock.withLock { (next, jsonStamp, detailsFile, byPath) }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        TransliterationCache.save(to: directory, loaded: transliterationsLoaded)
        var entries = kept.values.sorted { $0.path < $1.path }
        guard let generation = Self.storeDetails(&entries, in: directory, loaded: loadedDetails) else { return }
        var shards = [[Entry]](repeating: [], count: Self.shardCount)
        for entry in entries { shards[Self.shard(of: entry.path)].append(entry) }
        // A shard is rewritten when one of its entries changed or went, or the details file is new.
        var changed = [Bool](repeating: loadedDetails?.generation != generation, count: Self.shardCount)
        for entry in entries where !Self.same(entry, previous[entry.path]) { changed[Self.shard(of: entry.path)] = true }
        for path in previous.keys where kept[path] == nil { changed[Self.shard(of: path)] = true }
        for shard in 0..<Self.shardCount where changed[shard] {
            var out = BinaryWriter()
            out.bytes += Self.magic
            out.string(Self.version)
            out.string(generation)
            out.int(shards[shard].count)
            for entry in shards[shard] {
                guard case .stored(let location) = entry.details else { continue }
                for field in [entry.path, entry.stamp, entry.parseKey, entry.parsedID, entry.checkKey, entry.digest, entry.csvRow] { out.string(field) }
                out.int(location.offset)
                out.int(location.length)
                out.uint64(location.hash)
                out.int(entry.summary.count)
                out.bytes += entry.summary
            }
            FileWriting.replace(directory.appendingPathComponent(Self.shardName(shard)).path, with: out.bytes)
        }
        var out = BinaryWriter()
        out.bytes += Self.magic
        out.string(Self.version)
        out.string(stamp)
        // By index, fields read in place: a filtered copy of the entries retained every string of each.
        let withJSON = entries.indices.filter { entries[$0].jsonLength > 0 }
        out.int(withJSON.count)
        for index in withJSON {
            out.string(entries[index].path)
            out.int(entries[index].jsonOffset)
            out.int(entries[index].jsonLength)
            out.string(entries[index].jsonDigest)
        }
        FileWriting.replace(directory.appendingPathComponent(Self.jsonIndexName).path, with: out.bytes)
        if loadedDetails == nil {
            for name in Self.legacyNames { unlink(directory.appendingPathComponent(name).path) }
        }
    }

    /// Whether an entry's shard record is as it was read (the details' location stands for them).
    private static func same(_ a: Entry, _ b: Entry?) -> Bool {
        guard let b, case .stored(let x) = a.details, case .stored(let y) = b.details else { return false }
        return x == y && a.path == b.path && a.stamp == b.stamp && a.parseKey == b.parseKey && a.parsedID == b.parsedID
            && a.checkKey == b.checkKey && a.digest == b.digest && a.csvRow == b.csvRow
    }

    /// Puts every entry's details in the details file, each entry's `details` then `.stored`;
    /// returns the file's generation (nil: it could not be written, and no summary must point into it).
    private static func storeDetails(_ entries: inout [Entry], in directory: URL, loaded: ReportDetailsFile?) -> String? {
        var fresh: [Int] = []
        var live = 0
        for index in entries.indices {
            switch entries[index].details {
            case .bytes(let bytes): fresh.append(index); live += bytes.count
            case .stored(let location): live += location.length
            }
        }
        // Appended while at least half the file is in use; written afresh otherwise.
        if let loaded, loaded.size <= 2 * live + (1 << 20) {
            if fresh.isEmpty { return loaded.generation }
            let records = fresh.map { index -> [UInt8] in
                if case .bytes(let bytes) = entries[index].details { return bytes }
                return []
            }
            if let locations = loaded.append(records) {
                for (index, location) in zip(fresh, locations) { entries[index].details = .stored(location) }
                return loaded.generation
            }
        }
        // Written afresh: the stored records are read from the old file (one that fails is dropped).
        var records: [[UInt8]] = []
        var kept: [Int] = []
        for index in entries.indices {
            let bytes: [UInt8]?
            switch entries[index].details {
            case .bytes(let made): bytes = made
            case .stored(let location): bytes = loaded?.read(location)
            }
            guard let bytes else { continue }
            records.append(bytes)
            kept.append(index)
        }
        guard let (generation, locations) = ReportDetailsFile.create(at: directory.appendingPathComponent(ReportDetailsFile.name).path, records: records) else {
            return nil
        }
        var stored: [Entry] = []
        stored.reserveCapacity(kept.count)
        for (index, location) in zip(kept, locations) {
            var entry = entries[index]
            entry.details = .stored(location)
            stored.append(entry)
        }
        entries = stored
        return generation
    }
}
