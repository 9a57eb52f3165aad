import Foundation
import GongkaiModel

/// Parsed reports kept between builds, keyed by the content hash of each source file and by
/// gongkai's version, so that a rebuild parses only the files whose bytes changed. The cache is
/// never trusted blindly: an entry that does not decode, or a cache written by another version,
/// is discarded with a note, and the file is parsed again.
public final class ParseCache: @unchecked Sendable {
    /// Bump when the parser or the model changes what a parse produces.
    public static let version = "gongkai-parse-2"

    private let directory: URL?
    private let lock = NSLock()
    private var entries: [String: Data] = [:]
    private var used: Set<String> = []
    public private(set) var notes: [String] = []
    public private(set) var hits = 0
    public private(set) var misses = 0

    /// A cache in `directory` (created on save), or a cache that keeps nothing when nil.
    public init(directory: URL?) {
        self.directory = directory
        guard let directory else { return }
        load(from: directory)
    }

    private var manifestURL: URL? { directory?.appendingPathComponent("manifest.json") }

    private struct Manifest: Codable {
        var version: String
        var entries: [String: String]  // key → file name
    }

    private func load(from directory: URL) {
        guard let manifestURL, let data = try? Data(contentsOf: manifestURL) else { return }
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: data) else {
            notes.append("cache \(directory.path): unreadable manifest, discarded")
            return
        }
        guard manifest.version == Self.version else {
            notes.append("cache \(directory.path): written by \(manifest.version), not \(Self.version); discarded")
            return
        }
        for (key, name) in manifest.entries where !name.contains("/") {
            if let entry = try? Data(contentsOf: directory.appendingPathComponent(name)) { entries[key] = entry }
        }
    }

    /// The key of a source file: its path (ids and `source` depend on it) and its bytes.
    public static func key(path: String, bytes: some Sequence<UInt8>) -> String {
        ContentHash.hex(Array(path.utf8) + [0] + Array(bytes))
    }

    /// The cached parse for `key`, or nil; a corrupt entry is dropped with a note.
    public func report(for key: String) -> Report? {
        lock.lock()
        let data = entries[key]
        lock.unlock()
        guard let data else {
            count(hit: false)
            return nil
        }
        guard let report = ReportBinaryCoding.decode([UInt8](data)[...]) else {
            lock.lock()
            entries[key] = nil
            notes.append("cache entry \(key) is corrupt: discarded, the file is parsed again")
            lock.unlock()
            count(hit: false)
            return nil
        }
        _ = lock.withLock { used.insert(key) }
        count(hit: true)
        return report
    }

    public func store(_ report: Report, for key: String) {
        guard directory != nil else { return }
        // The text is put back from the file on a hit.
        var report = report
        report.text = ""
        let data = Data(ReportBinaryCoding.encode(report))
        lock.withLock {
            entries[key] = data
            used.insert(key)
        }
    }

    private func count(hit: Bool) {
        lock.withLock { if hit { hits += 1 } else { misses += 1 } }
    }

    /// Writes the entries used by this build (others are dropped: their files are gone or changed).
    public func save() {
        guard let directory, let manifestURL else { return }
        let fm = FileManager.default
        let kept = lock.withLock { entries.filter { used.contains($0.key) } }
        try? fm.createDirectory(at: directory, withIntermediateDirectories: true)
        var manifest = Manifest(version: Self.version, entries: [:])
        for (key, data) in kept {
            let name = key + ".json"
            manifest.entries[key] = name
            let url = directory.appendingPathComponent(name)
            if (try? Data(contentsOf: url)) != data { try? data.write(to: url, options: .atomic) }
        }
        if let files = try? fm.contentsOfDirectory(atPath: directory.path) {
            for file in files where file.hasSuffix(".json") && file != "manifest.json" && manifest.entries[String(file.dropLast(5))] == nil {
                try? fm.removeItem(at: directory.appendingPathComponent(file))
            }
        }
        if let data = try? JSONEncoder().encode(manifest) { try? data.write(to: manifestURL, options: .atomic) }
    }
}
