import Foundation

/// Builds the static site: content → reports → pages in the output folder.
public struct SiteBuilder: Sendable {
    public var contentDirectory: URL
    public var themeDirectory: URL?
    public var outputDirectory: URL
    public init(contentDirectory: URL, themeDirectory: URL?, outputDirectory: URL) {
        self.contentDirectory = contentDirectory
        self.themeDirectory = themeDirectory
        self.outputDirectory = outputDirectory
    }
}
