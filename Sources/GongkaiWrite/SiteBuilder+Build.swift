import Foundation
import GongkaiSite

extension SiteBuilder {
    /// Generates the site and writes it to the output folder atomically. If generating or
    /// writing throws, or no report could be read, the previous output is left as it was.
    public func build() throws -> BuildSummary {
        let site = try generate()
        guard site.summary.reportsRead > 0 else {
            var summary = site.summary
            summary.pagesWritten = 0
            summary.filesWritten = 0
            return summary
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try OutputWriter.write(site.files, to: outputDirectory)
        var summary = site.summary
        summary.filesWritten = site.files.count
        summary.unchangedFiles = result.unchanged
        summary.milliseconds += Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        return summary
    }
}
