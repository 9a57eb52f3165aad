import Foundation
import GongkaiSite
#if canImport(Glibc)
import Glibc
#endif

/// Shows a long build's progress on stderr: a bar redrawn in place on a terminal, a plain line
/// per stage in CI and pipes. Builds of fewer than `threshold` items show nothing but the
/// summary line.
final class ProgressPrinter: @unchecked Sendable {
    static let threshold = 200

    private let lock = NSLock()
    private let terminal = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
    private var lastDrawn = (stage: "", percent: -1)

    func callback() -> @Sendable (BuildProgress) -> Void {
        { [self] progress in update(progress) }
    }

    private func update(_ progress: BuildProgress) {
        guard progress.total >= Self.threshold else { return }
        let percent = progress.done * 100 / progress.total
        lock.lock()
        defer { lock.unlock() }
        guard (progress.stage, percent) != lastDrawn else { return }
        lastDrawn = (progress.stage, percent)
        if terminal {
            let filled = percent / 4
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 25 - filled)
            let end = progress.done == progress.total ? "\n" : ""
            FileHandle.standardError.write(Data("\r\(progress.stage.padding(toLength: 7, withPad: " ", startingAt: 0))[\(bar)] \(progress.done)/\(progress.total)\(end)".utf8))
        } else if progress.done == 0 {
            FileHandle.standardError.write(Data("\(progress.stage): \(progress.total) \(progress.stage == "parse" ? "files" : "pages")…\n".utf8))
        }
    }
}
