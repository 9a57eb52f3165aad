#if canImport(Glibc)
import Glibc
#endif

/// Asks the filesystem to place a folder's subfolders the way ext4 places top-level folders
/// (`FS_TOPDIR_FL`, as `chattr +T` does): in a block group picked by the hash of the subfolder's
/// name among those with free inodes, not in the parent's own group. The staging folder holds the
/// new site under a name drawn at random each build, so each build's files land in some group,
/// usually not the one the previous site's files were just deleted from.
///
/// Why: on ext4 without a journal, allocating an inode skips every free inode that was deleted in
/// the last few seconds — or in the last five minutes while its inode-table block is dirty, which
/// creating files next to it makes it. A clean build right after the previous site was deleted
/// (`rm -rf public`, or our own swap of the old site for the new) then walked past the old site's
/// ten thousand freed inodes for every file it created: 7–9 s of kernel time at N = 5,000 on the
/// benchmark machine, against 1.6–2 s with the new site placed away from them. Filesystems
/// without these flags refuse the request; the build goes on as before.
enum FolderPlacement {
    /// `FS_IOC_GETFLAGS` / `FS_IOC_SETFLAGS` (linux/fs.h) and `FS_TOPDIR_FL`.
    private static let getFlags: UInt = 0x8008_6601
    private static let setFlags: UInt = 0x4008_6602
    static let topDirectoryFlag: CInt = 0x0002_0000

    /// Marks `path` as the top of a folder hierarchy; false when the filesystem does not allow it.
    @discardableResult
    static func spreadSubfolders(of path: String) -> Bool {
        #if os(Linux)
        guard var flags = flags(of: path) else { return false }
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return false }
        defer { close(folder) }
        flags |= topDirectoryFlag
        return ioctl(folder, setFlags, &flags) == 0
        #else
        return false
        #endif
    }

    /// The folder's inode flags, nil where the filesystem has none.
    static func flags(of path: String) -> CInt? {
        #if os(Linux)
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return nil }
        defer { close(folder) }
        var flags: CInt = 0
        return ioctl(folder, getFlags, &flags) == 0 ? flags : nil
        #else
        return nil
        #endif
    }
}
