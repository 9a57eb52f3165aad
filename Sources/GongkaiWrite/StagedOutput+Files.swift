import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The plain POSIX file work of the staging folder: walking, comparing and writing files.
extension StagedOutput {
    /// The folders under `root`, relative to it, parents before their children (symbolic links to
    /// folders are not followed: they are files here).
    static func subfolders(under root: String) -> [String] {
        var result: [String] = []
        var pending = [""]
        while !pending.isEmpty {
            let relative = pending.removeFirst()
            let directory = relative.isEmpty ? root : root + "/" + relative
            guard let handle = opendir(directory) else { continue }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
                guard name != ".", name != ".." else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(root + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
                result.append(path)
                pending.append(path)
            }
            closedir(handle)
        }
        return result
    }

    /// The files (not folders) under `root`, relative to it.
    static func files(under root: String) -> Set<String> {
        var result: Set<String> = []
        var pending = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? root : root + "/" + relative
            guard let handle = opendir(directory) else { continue }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
                guard name != ".", name != ".." else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    isFolder = lstat(root + "/" + path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isFolder { pending.append(path) } else { result.insert(path) }
            }
            closedir(handle)
        }
        return result
    }

    /// Whether the regular file at `path` holds exactly `bytes` (sizes compared first).
    static func sameContents(_ path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return data.elementsEqual(bytes)
    }

    /// Whether two regular files have the same bytes, read a megabyte at a time.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var infoA = stat(), infoB = stat()
        guard lstat(a, &infoA) == 0, lstat(b, &infoB) == 0, (infoA.st_mode & S_IFMT) == S_IFREG, infoA.st_size == infoB.st_size else { return false }
        let fdA = open(a, O_RDONLY | O_CLOEXEC), fdB = open(b, O_RDONLY | O_CLOEXEC)
        defer { if fdA >= 0 { close(fdA) }; if fdB >= 0 { close(fdB) } }
        guard fdA >= 0, fdB >= 0 else { return false }
        let size = 1 << 20
        var bufferA = [UInt8](repeating: 0, count: size), bufferB = [UInt8](repeating: 0, count: size)
        while true {
            let countA = bufferA.withUnsafeMutableBytes { readFully(fdA, $0) }
            let countB = bufferB.withUnsafeMutableBytes { readFully(fdB, $0) }
            guard countA == countB, countA >= 0 else { return false }
            if countA == 0 { return true }
            if bufferA[0..<countA] != bufferB[0..<countB] { return false }
        }
    }

    private static func readFully(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
        var total = 0
        while total < buffer.count {
            let n = read(fd, buffer.baseAddress! + total, buffer.count - total)
            if n < 0 { if errno == EINTR { continue }; return -1 }
            if n == 0 { break }
            total += n
        }
        return total
    }

    /// Creates `path`, lets `body` write to it; returns 0 or the errno.
    static func writeFile(_ path: String, _ body: (Int32) -> Int32) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return errno }
        let error = body(fd)
        return close(fd) != 0 && error == 0 ? errno : error
    }

    /// write(2) until every byte is out; returns 0 or the errno.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return 0 }
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return 0
        }
    }
}
