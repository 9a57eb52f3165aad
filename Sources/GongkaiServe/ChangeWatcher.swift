import Foundation

/// Watches folders and files by polling their listing (path, size, modification time): simple,
/// portable, and cheap for a few thousand files. Polling also sees editors that replace files.
/// Every file counts, whatever its extension: a report dropped in as PDF, Word or web page too.
public struct ChangeWatcher: Sendable {
    public var paths: [URL]
    public var interval: Duration

    public init(paths: [URL], interval: Duration = .milliseconds(300)) {
        self.paths = paths
        self.interval = interval
    }

    /// A fingerprint of everything under the watched paths.
    public func snapshot() -> [String: String] {
        var result: [String: String] = [:]
        let fm = FileManager.default
        for root in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: root.path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                result[root.path] = fingerprint(root)
                continue
            }
            let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
            guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker {
                result[url.path] = fingerprint(url)
            }
        }
        return result
    }

    private func fingerprint(_ url: URL) -> String {
        let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
        let time = values?.contentModificationDate?.timeIntervalSince1970 ?? 0
        return "\(values?.fileSize ?? -1):\(time)"
    }

    /// Let a burst of writes settle before rebuilding: a PDF being copied in grows for a while,
    /// and a half-copied file would fail to convert. Waits until two snapshots agree (at most ~3 s).
    func settled(after changed: [String: String]) async -> [String: String] {
        var previous = changed
        for _ in 0..<30 {
            try? await Task.sleep(for: .milliseconds(100))
            let current = snapshot()
            if current == previous { return current }
            previous = current
        }
        return previous
    }

    /// Calls `onChange` after every change, until the task is cancelled. Changes that arrive
    /// while `onChange` runs are folded into the next call.
    public func run(onChange: @Sendable () async -> Void) async {
        var last = snapshot()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let current = snapshot()
            if current != last {
                last = await settled(after: current)
                await onChange()
            }
        }
    }

    /// `run`, until Ctrl-C (SIGINT) or SIGTERM: a rebuild under way is finished first, never cut.
    public func runUntilStopped(onChange: @escaping @Sendable () async -> Void) async {
        let loop = Task { await run(onChange: onChange) }
        let signals = StopSignals { loop.cancel() }
        await loop.value
        signals.cancel()
    }
}
