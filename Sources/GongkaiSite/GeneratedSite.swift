/// The whole site in memory: every file by its path relative to the output folder.
public struct GeneratedSite: Sendable {
    public var files: [String: [UInt8]]
    public var summary: BuildSummary

    public init(files: [String: [UInt8]], summary: BuildSummary) {
        self.files = files
        self.summary = summary
    }
}

/// What one build did, for the CLI's summary line and exit status.
public struct BuildSummary: Sendable, Hashable {
    /// Content files parsed into reports.
    public var reportsRead: Int
    /// Files that could not be loaded, each as `path: reason`.
    public var skipped: [String]
    public var pagesWritten: Int
    public var filesWritten: Int
    public var findings: Int
    public var milliseconds: Int
    /// Files left as they were because their bytes did not change.
    public var unchangedFiles: Int = 0
    /// Reports taken from the parse cache instead of parsed again.
    public var cacheHits: Int = 0
    /// Notes worth a line on stderr (e.g. a discarded cache).
    public var notes: [String] = []

    public init(reportsRead: Int = 0, skipped: [String] = [], pagesWritten: Int = 0, filesWritten: Int = 0, findings: Int = 0, milliseconds: Int = 0) {
        self.reportsRead = reportsRead
        self.skipped = skipped
        self.pagesWritten = pagesWritten
        self.filesWritten = filesWritten
        self.findings = findings
        self.milliseconds = milliseconds
    }

    /// One line, e.g. `10 reports read (9 from cache), 30 pages, 43 files: 4 written, 39 unchanged; 173 findings, 0 skipped in 85 ms`.
    public var line: String {
        "\(reportsRead) reports read (\(cacheHits) from cache), \(pagesWritten) pages, \(filesWritten) files: \(filesWritten - unchangedFiles) written, \(unchangedFiles) unchanged; \(findings) findings, \(skipped.count) skipped in \(milliseconds) ms"
    }
}
