import Foundation

/// Copies a range of one file into another with copy_file_range(2): in the kernel, without page
/// faults or a copy through user memory (on filesystems that share extents, without copying at
/// all). Glibc's Swift module does not declare the call, so it is looked up at run time; where it
/// is missing or refuses (old kernels, crossing filesystems), the bytes go through pread/write.
enum KernelCopy {
    private typealias CopyFileRange = @convention(c) (
        Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32
    ) -> Int

    private static let copyFileRange: CopyFileRange? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "copy_file_range") else { return nil }
        return unsafeBitCast(symbol, to: CopyFileRange.self)
    }()

    /// Appends `count` bytes at `offset` of `source` at `target`'s current position; 0 or the errno.
    static func copy(from source: Int32, offset: Int, count: Int, to target: Int32) -> Int32 {
        var position = Int64(offset)
        var remaining = count
        if let copyFileRange {
            while remaining > 0 {
                let n = copyFileRange(source, &position, target, nil, remaining, 0)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { break }
                remaining -= n
            }
        }
        return readWrite(from: source, position: Int(position), count: remaining, to: target)
    }

    /// The fallback: a megabyte at a time through a buffer.
    private static func readWrite(from source: Int32, position start: Int, count: Int, to target: Int32) -> Int32 {
        guard count > 0 else { return 0 }
        var buffer = [UInt8](repeating: 0, count: min(count, 1 << 20))
        var position = start
        var remaining = count
        while remaining > 0 {
            let n = buffer.withUnsafeMutableBytes { pread(source, $0.baseAddress, min(remaining, $0.count), off_t(position)) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { return errno }
            if n == 0 { return EIO }  // the file is shorter than the range: it changed under us
            let error = StagedOutput.writeAll(target, Array(buffer[0..<n]))
            if error != 0 { return error }
            position += n
            remaining -= n
        }
        return 0
    }
}
