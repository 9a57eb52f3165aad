import Foundation

/// Where a build puts each file as soon as it is generated, from several threads at once, so the
/// whole site is never held in memory. GongkaiWrite's staging folder is one; `MemorySink` is
/// another (tests, `generate()`).
public protocol SiteSink: Sendable {
    /// One whole file.
    func put(_ path: String, _ bytes: [UInt8]) throws
    /// A large file in pieces: `produce` calls `emit` with each piece in order.
    func put(_ path: String, chunks produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws
    /// A large file in pieces, some of which are ranges of an existing file (copied by the kernel
    /// where the sink can, without reading them into memory).
    func put(_ path: String, pieces produce: (_ emit: (FilePiece) throws -> Void) throws -> Void) throws
    /// Takes the files at `paths` from the previous build, if that build made them from inputs
    /// with this `key` and they are as it left them; false: they must be made again.
    func reuse(_ paths: [String], key: String) -> Bool
    /// Notes that the files at `paths` were made from inputs with this `key`.
    func remember(_ paths: [String], key: String)
    /// Whether render keys are worth computing (they cost a JSON encoding of every report).
    var keepsRenderKeys: Bool { get }
    /// The stamp (`size:mtime:inode`) the file at `path` will have in the output, if known.
    func stamp(of path: String) -> String?
}

/// A piece of a file being written: bytes made now, or bytes of an existing file.
public enum FilePiece: Sendable {
    case bytes([UInt8])
    /// `range` of the file at `file` (an absolute path).
    case copy(file: String, range: Range<Int>)
}

extension SiteSink {
    /// Reads the copied ranges and hands everything to `put(_:chunks:)`.
    public func put(_ path: String, pieces produce: (_ emit: (FilePiece) throws -> Void) throws -> Void) throws {
        try put(path) { emit in
            try withoutActuallyEscaping(emit) { emit in
                try produce { piece in
                    switch piece {
                    case .bytes(let bytes): try emit(bytes)
                    case .copy(let file, let range): try emit(try FilePiece.read(range, of: file))
                    }
                }
            }
        }
    }
    public var keepsRenderKeys: Bool { false }
    public func reuse(_ paths: [String], key: String) -> Bool { false }
    public func remember(_ paths: [String], key: String) {}
    public func stamp(of path: String) -> String? { nil }
}

/// Every file in memory, by path.
public final class MemorySink: SiteSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: [UInt8]] = [:]

    public init() {}

    public var files: [String: [UInt8]] { lock.withLock { storage } }

    public func put(_ path: String, _ bytes: [UInt8]) {
        lock.withLock { storage[path] = bytes }
    }

    public func put(_ path: String, chunks produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        var bytes: [UInt8] = []
        try produce { bytes += $0 }
        put(path, bytes)
    }
}

/// The first error thrown by any of several threads, kept to be thrown once they are done.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?

    func run(_ body: () throws -> Void) {
        do { try body() } catch { lock.withLock { if self.error == nil { self.error = error } } }
    }

    func rethrow() throws {
        if let error = lock.withLock({ error }) { throw error }
    }
}

extension FilePiece {
    struct ReadError: Error, CustomStringConvertible {
        var file: String
        var description: String { "\(file): cannot read the previous build's bytes" }
    }

    /// The bytes at `range` of `file`.
    static func read(_ range: Range<Int>, of file: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: file) else { throw ReadError(file: file) }
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(range.lowerBound))
        guard let data = try handle.read(upToCount: range.count), data.count == range.count else { throw ReadError(file: file) }
        return [UInt8](data)
    }
}
