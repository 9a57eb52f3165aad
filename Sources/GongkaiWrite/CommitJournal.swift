import Foundation
import GongkaiSite
#if canImport(Glibc)
import Glibc
#endif

/// How a rebuild publishes its files without relinking the whole site: only the files whose
/// bytes changed are staged, then each is renamed over the output's (one atomic replacement per
/// file), and the output's files that the build no longer makes are removed. The journal
/// (`.<output>.journal` beside the output) lists those moves and removals; it is written whole
/// (to a temporary name, then renamed) before the first rename and removed after the last, so a
/// build killed in between leaves it behind, and the next build finishes the commit first.
struct CommitJournal: Equatable {
    static let header = "gongkai commit journal 1"

    var pid: Int32
    /// The staging folder's name (beside the output).
    var staging: String
    /// Paths relative to the output: moved from the staging folder, or removed.
    var moves: [String]
    var removals: [String]

    static func url(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).journal")
    }

    /// Whether every path can be written on one line of the journal.
    static func canRecord(_ paths: some Sequence<String>) -> Bool {
        // Bytes, not `String.contains` (an NSString search per path: tens of thousands of them).
        !paths.contains { $0.utf8.contains(10) || $0.utf8.contains(9) }
    }

    var text: String {
        var text = "\(Self.header)\n\(pid)\n\(staging)\n"
        for path in moves { text += "m\t\(path)\n" }
        for path in removals { text += "d\t\(path)\n" }
        return text + "end\n"
    }

    /// Nil for a journal that is not whole (a build killed while writing it never renamed it into
    /// place, but be safe) or not this format.
    init?(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 4, lines[0] == Self.header, let pid = Int32(lines[1]), Self.isStagingName(lines[2]),
              lines.dropLast().last == "end" else { return nil }
        self.pid = pid
        staging = lines[2]
        moves = []
        removals = []
        for line in lines.dropFirst(3).dropLast(2) {
            // Every path stays inside the output: a journal naming `../x` or `/x` is not followed.
            guard SitePath.isSafe(String(line.dropFirst(2))) else { return nil }
            if line.hasPrefix("m\t") { moves.append(String(line.dropFirst(2))) }
            else if line.hasPrefix("d\t") { removals.append(String(line.dropFirst(2))) }
            else { return nil }
        }
    }

    /// The staging folder's name beside the output: one or two plain components
    /// (`.public.staging-<pid>/site-<n>`), never a way out of the output's parent.
    static func isStagingName(_ name: String) -> Bool {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && !parts.contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    init(pid: Int32, staging: String, moves: [String], removals: [String]) {
        self.pid = pid
        self.staging = staging
        self.moves = moves
        self.removals = removals
    }

    /// Writes the journal beside `output` (whole, or not at all).
    func write(for output: URL) throws {
        let target = Self.url(for: output)
        let temporary = target.path + ".tmp-\(pid)"
        let data = Data(text.utf8)
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let fd = open(temporary, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == data.count, rename(temporary, target.path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// A replaced file at least this large is first renamed aside (see `apply`).
    static let retireSize = 1 << 20

    /// Carries the journal out: each staged file still in the staging folder is renamed into the
    /// output, each removal done (a file already gone is fine), emptied folders removed, then the
    /// staging folder and the journal — on `background` when given (the caller waits for it).
    /// Running it twice does no harm.
    func apply(to output: URL, background: DispatchGroup? = nil) {
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(staging)
        var created: Set<String> = []
        for (index, path) in moves.enumerated() {
            let source = staging.appendingPathComponent(path).path
            guard access(source, F_OK) == 0 else { continue }
            let target = output.appendingPathComponent(path)
            let folder = target.deletingLastPathComponent().path
            if !created.contains(folder) {
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                created.insert(folder)
            }
            // ext4 writes out a file renamed over another and frees the old one's blocks inside
            // `rename` (40–70 ms for the 100 MB data/reports.json). A large old file is renamed into
            // the staging folder first and freed with it; the target is missing for one rename.
            var info = stat()
            if lstat(target.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) >= Self.retireSize {
                rename(target.path, staging.appendingPathComponent(".retired-\(index)").path)
            }
            rename(source, target.path)
        }
        var emptied: Set<String> = []
        for path in removals {
            unlink(output.appendingPathComponent(path).path)
            emptied.insert(output.appendingPathComponent(path).deletingLastPathComponent().path)
        }
        // Deepest first: a folder whose files all went is removed (rmdir fails on a non-empty one).
        for folder in emptied.sorted(by: { $0.count > $1.count }) {
            var current = folder
            while current.count > output.path.count, rmdir(current) == 0 {
                current = (current as NSString).deletingLastPathComponent
            }
        }
        let nested = self.staging.contains("/")
        let finish: @Sendable () -> Void = {
            try? FileManager.default.removeItem(at: staging)
            // The folder holding the staging folder, once it is empty.
            if nested { rmdir(staging.deletingLastPathComponent().path) }
            unlink(Self.url(for: output).path)
        }
        guard let background else { return finish() }
        background.enter()
        DispatchQueue.global().async {
            finish()
            background.leave()
        }
    }

    /// Finishes the commit of a build that was killed during it (its journal is still there and
    /// its process is gone). A journal of a build still running is left alone.
    static func finishInterrupted(for output: URL, isRunning: (Int32) -> Bool) {
        let url = url(for: output)
        guard let data = FileManager.default.contents(atPath: url.path) else { return }
        guard let journal = CommitJournal(text: String(decoding: data, as: UTF8.self)) else {
            unlink(url.path)
            return
        }
        guard !isRunning(journal.pid) else { return }
        journal.apply(to: output)
    }
}
