import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The details part of every cached report (`ReportBinaryCoding.Parts.details`: sections, table
/// rows, diagnostics, score parts), one record after another in `reports-details.bin`, so that a
/// rebuild reads by offset only the details of the reports whose pages it makes again (they are
/// nine tenths of the cache). New records are appended; the file is written afresh, under a new
/// generation, when most of it is records no longer used.
///
/// A record is never trusted blindly: the summary file names the generation of the details file
/// its offsets point into (a details file of another generation is not used at all), a record
/// must lie inside the file, and its bytes must have the hash recorded with it. A record that
/// fails is read as missing, and its report is parsed again.
final class ReportDetailsFile: @unchecked Sendable {
    static let name = "reports-details.bin"
    static let magic = Array("gongkai-details\n".utf8)

    /// Where one report's details lie, and the hash of their bytes.
    struct Location: Sendable, Hashable {
        var offset: Int
        var length: Int
        var hash: UInt64
    }

    let path: String
    let generation: String
    /// The file's size and inode when opened (appends go only to that same file).
    let size: Int
    let inode: UInt64
    private let fd: Int32

    /// Opens the details file at `path` if it is of `generation` and this version.
    init?(path: String, generation: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return nil
        }
        let header = Self.header(generation: generation)
        var found = [UInt8](repeating: 0, count: header.count)
        guard Int(info.st_size) >= header.count, Self.readFully(fd, into: &found, at: 0), found == header else {
            close(fd)
            return nil
        }
        self.fd = fd
        self.path = path
        self.generation = generation
        size = Int(info.st_size)
        inode = UInt64(info.st_ino)
    }

    deinit { close(fd) }

    /// Whether a record at `location` lies after the header and inside the file.
    func contains(_ location: Location) -> Bool {
        location.offset >= Self.header(generation: generation).count && location.length >= 0 && location.offset <= size - location.length
    }

    /// A record's bytes, or nil when it is not inside the file or its bytes do not have its hash.
    func read(_ location: Location) -> [UInt8]? {
        guard contains(location) else { return nil }
        var bytes = [UInt8](repeating: 0, count: location.length)
        guard Self.readFully(fd, into: &bytes, at: location.offset), Self.hash(bytes) == location.hash else { return nil }
        return bytes
    }

    static func header(generation: String) -> [UInt8] {
        var out = BinaryWriter()
        out.bytes += magic
        out.string(ReportCache.version)
        out.string(generation)
        return out.bytes
    }

    static func newGeneration() -> String {
        String(UInt64.random(in: .min ... .max), radix: 16) + "-" + String(getpid())
    }

    /// A 64-bit hash of a record, a word at a time (records are tens of kilobytes: FNV byte by
    /// byte would cost as much as reading them).
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw -> UInt64 in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            var index = 0
            while index + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                h = (h ^ word) &* 0x0000_0100_0000_01B3
                h ^= h >> 29
                index += 8
            }
            while index < raw.count {
                h = (h ^ UInt64(raw[index])) &* 0x0000_0100_0000_01B3
                index += 1
            }
            return h ^ (h >> 32)
        }
    }

    private static func readFully(_ fd: Int32, into bytes: inout [UInt8], at offset: Int) -> Bool {
        let count = bytes.count
        return bytes.withUnsafeMutableBytes { buffer -> Bool in
            var done = 0
            while done < count, let base = buffer.baseAddress {
                let n = pread(fd, base + done, count - done, off_t(offset + done))
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
    }

    /// Writes `records` after the end of the file this was opened as (under an exclusive lock, in
    /// case another build shares the cache); returns where each went, or nil when the file is no
    /// longer that one.
    func append(_ records: [[UInt8]]) -> [Location]? {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { return nil }
        defer { flock(fd, LOCK_UN) }
        var info = stat()
        guard fstat(fd, &info) == 0, UInt64(info.st_ino) == inode, Int(info.st_size) >= size else { return nil }
        let offset = Int(info.st_size)
        var locations: [Location] = []
        var bytes: [UInt8] = []
        for record in records {
            locations.append(Location(offset: offset + bytes.count, length: record.count, hash: Self.hash(record)))
            bytes += record
        }
        guard Self.writeFully(fd, bytes, at: offset) else { return nil }
        return locations
    }

    /// Writes a new details file of a new generation holding `records`; returns its generation and
    /// where each record went.
    /// Written record by record to a temporary file renamed into place (one buffer of every
    /// report's details would add their whole size to a clean build's peak memory).
    static func create(at path: String, records: [[UInt8]]) -> (generation: String, locations: [Location])? {
        let generation = newGeneration()
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        var offset = 0
        var ok = true
        func put(_ bytes: [UInt8]) {
            guard ok else { return }
            ok = writeFully(fd, bytes, at: offset)
            offset += bytes.count
        }
        put(header(generation: generation))
        var locations: [Location] = []
        locations.reserveCapacity(records.count)
        for record in records {
            locations.append(Location(offset: offset, length: record.count, hash: hash(record)))
            put(record)
        }
        if close(fd) != 0 { ok = false }
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            return nil
        }
        return (generation, locations)
    }

    private static func writeFully(_ fd: Int32, _ bytes: [UInt8], at offset: Int) -> Bool {
        bytes.withUnsafeBytes { buffer -> Bool in
            var done = 0
            while done < buffer.count, let base = buffer.baseAddress {
                let n = pwrite(fd, base + done, buffer.count - done, off_t(offset + done))
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
    }
}
