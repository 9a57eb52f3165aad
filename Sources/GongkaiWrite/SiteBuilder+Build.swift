import Foundation
import GongkaiSite

extension SiteBuilder {
    /// Generates the site straight into a staging folder beside the output and swaps it in
    /// atomically. If generating or writing throws, or no report could be read, the staging
    /// folder is removed and the previous output is left as it was. With a cache folder, a build
    /// whose inputs and output are as the last build left them returns at once.
    public func build() throws -> BuildSummary {
        let start = DispatchTime.now().uptimeNanoseconds
        BuildTrace.mark("start")
        // The inputs' stamps, the last manifest and the output's stamps, read side by side.
        let reads = cacheDirectory.map { cache in
            ManifestReads(inputs: [contentDirectory] + (themeDirectory.map { [$0] } ?? []), cache: cache, output: outputDirectory)
        }
        let inputs = reads?.inputs
        let last = reads?.last
        // The output's files as they are now: a rebuild takes unchanged pages from them without a
        // stat each, and the next manifest is made from them and the files this build writes.
        let present = last.flatMap { _ in reads?.present }
        if let inputs, let last, last.inputs == inputs, present == last.outputs {
            return unchanged(last.summary, since: start)
        }
        BuildTrace.mark("fingerprint")
        let staging = try StagedOutput(
            output: outputDirectory, keepsRenderKeys: cacheDirectory != nil, previousKeys: last?.keys ?? [:],
            previousStamps: last?.outputs ?? [:], presentStamps: present, force: forceOutput, protected: protectedFolders)
        var summary: BuildSummary
        // The content folder's stamps from the fingerprint: it is not walked again.
        var builder = self
        if let inputs { builder.contentStamps = inputs }
        // A report file not there last time may name a body not read before.
        if let inputs, let last { builder.expectsNewReports = inputs.keys.contains(where: { last.inputs[$0] == nil }) }
        // The report cache is written while the output is committed; the build returns once both are done.
        let background = DispatchGroup()
        builder.backgroundWork = background
        defer { background.wait() }
        do {
            summary = try builder.generate(into: staging)
        } catch {
            staging.discard()
            throw error
        }
        guard summary.reportsRead > 0 else {
            staging.discard()
            summary.pagesWritten = 0
            summary.filesWritten = 0
            return summary
        }
        BuildTrace.mark("generate")
        let result = try staging.commit(background: background)
        BuildTrace.mark("commit")
        summary.unchangedFiles = result.unchanged
        if let cacheDirectory, let inputs {
            let record = BuildManifest.Summary(
                reportsRead: summary.reportsRead, skipped: summary.skipped, pagesWritten: summary.pagesWritten,
                filesWritten: summary.filesWritten, findings: summary.findings)
            let outputs = staging.committedStamps(present: present) ?? BuildManifest.stamps(under: outputDirectory, relative: true)
            BuildManifest(inputs: inputs, outputs: outputs, keys: staging.renderKeys, summary: record).save(to: cacheDirectory)
            BuildTrace.mark("manifest")
        }
        background.wait()
        BuildTrace.mark("cache save (what it took beyond the commit)")
        summary.milliseconds = Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        return summary
    }

    /// The folders the output may not be, hold or sit in: the content folder (its files would be
    /// read back as reports), the theme folder and the cache folder.
    var protectedFolders: [ProtectedFolder] {
        [ProtectedFolder("the content folder", contentDirectory, refusesInside: true)]
            + (themeDirectory.map { [ProtectedFolder("the theme folder", $0, refusesInside: true)] } ?? [])
            + (cacheDirectory.map { [ProtectedFolder("the cache folder", $0, refusesInside: true)] } ?? [])
    }

    private func unchanged(_ last: BuildManifest.Summary, since start: UInt64) -> BuildSummary {
        var summary = BuildSummary(
            reportsRead: last.reportsRead, skipped: last.skipped, pagesWritten: last.pagesWritten,
            filesWritten: last.filesWritten, findings: last.findings)
        summary.cacheHits = last.reportsRead
        summary.unchangedFiles = last.filesWritten
        summary.milliseconds = Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        return summary
    }
}

/// What a build with a cache reads before anything else, on three threads at once: the inputs'
/// stamps (content, theme, binary), the last build's manifest, and the output's stamps (relative).
private final class ManifestReads: @unchecked Sendable {
    private(set) var inputs: [String: String] = [:]
    private(set) var last: BuildManifest?
    private(set) var present: [String: String] = [:]

    init(inputs folders: [URL], cache: URL, output: URL) {
        DispatchQueue.concurrentPerform(iterations: 3) { part in
            // Each part is written by one iteration only, and read after all have finished.
            switch part {
            case 0: inputs = BuildManifest.fingerprint(of: folders)
            case 1: last = BuildManifest.load(from: cache)
            default: present = BuildManifest.stamps(under: output, relative: true)
            }
        }
    }
}
