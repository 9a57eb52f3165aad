import Foundation
import GongkaiSite

extension SiteBuilder {
    /// Generates the site and writes it to the output folder atomically. If generating or
    /// writing throws, the previous output is left as it was.
    public func build() throws -> BuildSummary {
        let site = try generate()
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try OutputWriter.write(site.files, to: outputDirectory)
        var summary = site.summary
        summary.filesWritten = site.files.count
        summary.unchangedFiles = result.unchanged
        summary.milliseconds += Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        return summary
    }
}
