import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The report files under the content folder, found with readdir, and every one that cannot be
/// read, each named with its reason: nothing is left out in silence.
///
/// - Hidden files and folders (a name starting with `.`) are not reports and are passed over.
/// - A name that is not UTF-8 (GBK bytes from a Windows zip) cannot be a report's source path:
///   the file, or the folder with everything in it, is named (its bytes as `\xNN`) and skipped.
/// - A folder that cannot be opened is named and skipped.
/// - A symbolic link is followed only when it leads inside the content folder; one that leads
///   out (`x.txt → /etc/passwd`, or a folder linked from elsewhere) or nowhere is named and
///   skipped. A file reached twice (by its own name and through a link) is read once, under its
///   own name.
public struct ContentWalk: Sendable {
    /// Absolute paths of the report files, sorted.
    public var files: [String] = []
    public var skipped: [LoadError] = []

    /// Walks `root`; `isReport` says from a file's name whether it is a report (its extension).
    public static func walk(_ root: URL, isReport: @escaping (String) -> Bool) -> ContentWalk {
        var walker = Walker(root: root.standardizedFileURL.path, isReport: isReport)
        walker.run()
        return walker.result()
    }
}

private struct Walker {
    struct Found { var path: String, viaLink: Bool }
    struct Identity: Hashable { var device: UInt64, inode: UInt64 }
    /// A folder to read; `viaLink`: reached through a symbolic link (its files are found again
    /// under their own names, unless that folder is hidden).
    struct Folder { var path: String, viaLink: Bool }

    let root: String
    /// The content folder where its own links lead (to judge where a link goes).
    let realRoot: String
    let isReport: (String) -> Bool
    var found: [Identity: Found] = [:]
    var skipped: [LoadError] = []
    var visited: Set<Identity> = []

    init(root: String, isReport: @escaping (String) -> Bool) {
        self.root = root
        self.realRoot = Self.realPath(root) ?? root
        self.isReport = isReport
    }

    static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    func relative(_ path: String) -> String {
        path == root ? "." : path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    func isInside(_ real: String) -> Bool { real == realRoot || real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") }

    mutating func run() {
        var pending = [Folder(path: root, viaLink: false)]
        // Folders reached through a link are walked after every folder reached by its own name,
        // so that a file is found under its own name first.
        var linked: [Folder] = []
        while let folder = pending.popLast() ?? linked.popLast() {
            var seen = stat()
            guard stat(folder.path, &seen) == 0 else {
                skip(folder.path, "cannot read the folder (\(String(cString: strerror(errno)))); none of its files is built")
                continue
            }
            let device = UInt64(seen.st_dev)
            guard visited.insert(Identity(device: device, inode: UInt64(seen.st_ino))).inserted else { continue }
            guard let handle = opendir(folder.path) else {
                skip(folder.path, "cannot read the folder (\(String(cString: strerror(errno)))); none of its files is built")
                continue
            }
            while let entry = readdir(handle) {
                let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
                guard bytes.first != UInt8(ascii: ".") else { continue }
                guard let name = String(validating: bytes, as: UTF8.self) else {
                    badName(bytes, in: folder.path)
                    continue
                }
                let path = folder.path + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): enter(path, viaLink: folder.viaLink, pending: &pending, linked: &linked)
                case Int32(DT_REG):
                    if isReport(name) { add(path, Identity(device: device, inode: UInt64(entry.pointee.d_ino)), viaLink: folder.viaLink) }
                default: other(path, name: name, in: folder, pending: &pending, linked: &linked)
                }
            }
            closedir(handle)
        }
    }

    /// A folder to read (once: the walk skips one it has read by another way).
    func enter(_ path: String, viaLink: Bool, pending: inout [Folder], linked: inout [Folder]) {
        let folder = Folder(path: path, viaLink: viaLink)
        if viaLink { linked.append(folder) } else { pending.append(folder) }
    }

    /// A symbolic link, or an entry whose type readdir did not give.
    mutating func other(_ path: String, name: String, in folder: Folder, pending: inout [Folder], linked: inout [Folder]) {
        var own = stat()
        guard lstat(path, &own) == 0 else { return }
        let isLink = (own.st_mode & S_IFMT) == S_IFLNK
        var info = stat()
        guard stat(path, &info) == 0, let real = Self.realPath(path) else {
            if isLink, isReport(name) { skip(path, "is a symbolic link that leads nowhere (\(String(cString: strerror(errno)))); not built") }
            return
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFDIR || (kind == S_IFREG && isReport(name)) else { return }
        if isLink || folder.viaLink, !isInside(real) {
            let what = kind == S_IFDIR ? "a folder" : "a file"
            return skip(path, "is a symbolic link to \(what) outside the content folder (\(real)); not read: copy it into the content folder instead")
        }
        if kind == S_IFDIR { return enter(path, viaLink: isLink || folder.viaLink, pending: &pending, linked: &linked) }
        add(path, Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), viaLink: isLink || folder.viaLink)
    }

    /// A file found: kept once per file, under its own name rather than a link's.
    mutating func add(_ path: String, _ identity: Identity, viaLink: Bool) {
        if let earlier = found[identity] {
            guard earlier.viaLink && !viaLink || earlier.viaLink == viaLink && path < earlier.path else { return }
        }
        found[identity] = Found(path: path, viaLink: viaLink)
    }

    /// A name that is not UTF-8: a folder (everything in it) or a report file is named and skipped.
    mutating func badName(_ bytes: [UInt8], in folder: String) {
        let raw = Array(folder.utf8) + [UInt8(ascii: "/")] + bytes + [0]
        var info = stat()
        let exists = raw.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { stat($0.baseAddress!, &info) == 0 }
        }
        let shown = Self.escaped(bytes)
        let isFolder = exists && (info.st_mode & S_IFMT) == S_IFDIR
        guard isFolder || isReport(shown) else { return }
        let what = isFolder ? "folder" : "file"
        let rest = isFolder ? "none of its files is built" : "not built"
        skip(folder + "/" + shown, "the \(what) name is not UTF-8 (GBK from a Windows zip file?); \(rest): rename it in UTF-8")
    }

    /// Printable ASCII as it is, every other byte as `\xNN` (the name is not UTF-8: its other
    /// bytes mean nothing as UTF-8, and a control character must not reach the terminal).
    static func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes {
            if (0x20..<0x7F).contains(byte), byte != UInt8(ascii: "\\") {
                text.append(Character(Unicode.Scalar(byte)))
            } else {
                text += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded
            }
        }
        return text
    }

    mutating func skip(_ path: String, _ message: String) {
        skipped.append(LoadError(path: relative(path), message: message))
    }

    func result() -> ContentWalk {
        var walk = ContentWalk()
        walk.files = found.values.map(\.path).sorted()
        walk.skipped = skipped.sorted { $0.path < $1.path }
        return walk
    }
}

private extension String {
    var leftPadded: String { count == 1 ? "0" + self : self }
}
