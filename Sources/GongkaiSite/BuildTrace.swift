import Foundation

/// Phase times of a build on stderr when `GONGKAI_TRACE=1`: `trace <phase> <ms> ms` per phase,
/// each measured from the previous mark, for finding where an incremental rebuild spends its time.
public enum BuildTrace {
    public static let enabled = ProcessInfo.processInfo.environment["GONGKAI_TRACE"] == "1"
    nonisolated(unsafe) private static var last = DispatchTime.now().uptimeNanoseconds
    private static let lock = NSLock()

    /// Prints the time since the previous mark (or since the process's first mark) under `phase`.
    public static func mark(_ phase: String) {
        guard enabled else { return }
        let line: String = lock.withLock {
            let previous = last
            let now = DispatchTime.now().uptimeNanoseconds
            last = now
            return "trace \(phase) \(String(format: "%.1f", Double(now &- previous) / 1e6)) ms\n"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }
}

extension BuildTrace {
    /// One render job that took 10 ms or more: `trace job <name> <ms> ms` (not a phase mark).
    static func job(_ name: some StringProtocol, since began: UInt64) {
        let ms = Double(DispatchTime.now().uptimeNanoseconds &- began) / 1e6
        guard enabled, ms >= 10 else { return }
        FileHandle.standardError.write(Data("trace   job \(name) \(String(format: "%.1f", ms)) ms\n".utf8))
    }
}
