import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiModel

/// A file's stamp: `size:mtime-ns:inode`, or nil when it is not a regular file. The same form as
/// the build manifest's, so that a file replaced or touched is noticed.
enum FileStamp {
    static func of(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        // As GongkaiWrite's `BuildManifest.stamp`: the mode too, so that a file made unreadable is read again.
        return "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ino):\(String(info.st_mode & 0o7777, radix: 8))"
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
