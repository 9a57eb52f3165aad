import Foundation
import GongkaiModel

/// Converted text kept between builds, one entry per source file's content: `<hash>.txt` (the
/// text) and `<hash>.json` (how it was obtained, notes, and the text's own digest). A PDF is not
/// run through poppler again, nor a page through OCR, while its bytes are unchanged. An entry
/// that does not decode or whose text does not match its digest is ignored and rewritten.
public final class ConvertedTextCache: @unchecked Sendable {
    /// Bump when a converter changes what it produces.
    public static let version = "gongkai-convert-1"

    public let directory: URL
    private let lock = NSLock()
    private var hitCount = 0
    private var missCount = 0
    /// Keys and source paths looked up or stored by this build: what `prune(currentFiles:)` keeps.
    private var usedKeys: Set<String> = []
    private var usedPaths: Set<String> = []

    public init(directory: URL) {
        self.directory = directory
    }

    /// Where a conversion's tools write their scratch files, beside the cache's entries
    /// (`.gongkai-cache/scratch/`; each file in a folder of its own, removed after).
    public var scratchDirectory: URL { directory.deletingLastPathComponent().appendingPathComponent("scratch") }

    public var hits: Int { lock.withLock { hitCount } }
    public var misses: Int { lock.withLock { missCount } }

    struct Entry: Codable {
        var version: String
        var conversion: TextConversion
        var notes: [String]
        var textDigest: String
    }

    /// The key of a file's bytes (independent of its path: a moved file is not converted again).
    public static func key(bytes: [UInt8], format: SourceFormat) -> String {
        ContentDigest.hex(Array("\(version)/\(format.rawValue)/".utf8) + bytes)
    }

    /// The cached conversion, with `original` set to `path`; nil on a miss or a corrupt entry.
    public func text(for key: String, path: String) -> ConvertedText? {
        lock.withLock {
            usedKeys.insert(key)
            usedPaths.insert(path)
        }
        let base = directory.appendingPathComponent(key)
        guard let metadata = try? Data(contentsOf: base.appendingPathExtension("json")),
              let entry = try? JSONDecoder().decode(Entry.self, from: metadata), entry.version == Self.version,
              let bytes = try? [UInt8](Data(contentsOf: base.appendingPathExtension("txt"))),
              ContentDigest.hex(bytes) == entry.textDigest,
              let text = String(validating: bytes, as: UTF8.self)
        else {
            lock.withLock { missCount += 1 }
            return nil
        }
        lock.withLock { hitCount += 1 }
        var conversion = entry.conversion
        conversion.original = path
        return ConvertedText(text: text, conversion: conversion, notes: entry.notes)
    }

    /// Stores a conversion; a cache that cannot be written only costs a conversion next time.
    public func store(_ converted: ConvertedText, for key: String) {
        lock.withLock {
            usedKeys.insert(key)
            usedPaths.insert(converted.conversion.original)
        }
        let base = directory.appendingPathComponent(key)
        let bytes = Array(converted.text.utf8)
        let entry = Entry(version: Self.version, conversion: converted.conversion, notes: converted.notes, textDigest: ContentDigest.hex(bytes))
        guard let metadata = try? JSONEncoder().encode(entry) else { return }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Text first: a metadata file never points at a text that is not there yet.
        try? Data(bytes).write(to: base.appendingPathExtension("txt"), options: .atomic)
        try? metadata.write(to: base.appendingPathExtension("json"), options: .atomic)
    }
}

extension ConvertedTextCache {
    /// Removes the entries of files that are gone or whose bytes changed, so the cache holds one
    /// entry per current PDF, Word file or web page instead of growing with every edit.
    /// `currentFiles`: every source path of this build (relative, as passed to `text(for:path:)`).
    /// An entry is kept when this build used it, or when its file is still there but was not read
    /// (an incremental build skips unchanged files). Files other than `<key>.txt` / `<key>.json`
    /// are left alone. Returns how many entries were removed.
    @discardableResult
    public func prune(currentFiles: Set<String>) -> Int {
        removeStaleScratch()
        let (keys, paths) = lock.withLock { (usedKeys, usedPaths) }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return 0 }
        var removed = 0
        for name in names where name.hasSuffix(".json") {
            let key = String(name.dropLast(".json".count))
            guard !keys.contains(key) else { continue }
            let metadata = try? Data(contentsOf: directory.appendingPathComponent(name))
            let original = metadata.flatMap { try? JSONDecoder().decode(Entry.self, from: $0) }?.conversion.original
            if let original, currentFiles.contains(original), !paths.contains(original) { continue }
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(key + ".txt"))
            if (try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))) != nil { removed += 1 }
        }
        return removed
    }
}

extension ConvertedTextCache {
    /// Removes the scratch folders a killed build left behind: any older than twice the time one
    /// file may take cannot belong to a conversion still running.
    public func removeStaleScratch(now: Date = Date()) {
        let folder = scratchDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix("gongkai-") {
            let url = folder.appendingPathComponent(name)
            let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate]) as? Date
            guard let modified, now.timeIntervalSince(modified) > 2 * ConversionLimits.secondsPerFile else { continue }
            try? FileManager.default.removeItem(at: url)
        }
    }
}

/// A 128-bit content fingerprint (two FNV-1a 64 lanes and the length), the same scheme as the
/// site's ParseCache key; GongkaiConvert sits below GongkaiSite and cannot use that one.
enum ContentDigest {
    static func hex(_ bytes: [UInt8]) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x84222325_cbf29ce4
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte ^ 0x5c)) &* 0x0000_0100_0000_01b3
        }
        return [a, b, UInt64(bytes.count)].map { value in
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }
}
