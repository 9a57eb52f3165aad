import ArgumentParser
import Foundation
import GongkaiSite

/// The folders every site command takes.
struct SiteFolders: ParsableArguments {
    @Option(name: .long, help: "The folder of report files (and gongkai.yaml).")
    var content = "content"

    @Option(name: .long, help: "A theme folder whose templates and assets override the built-in theme.")
    var theme = "theme"

    @Option(name: .long, help: "The output folder (a rebuild replaces only the files that changed; see the overview). gongkai marks it with .gongkai-site and only ever removes the files that mark lists.")
    var output = "public"

    @Flag(name: .long, help: "Build into an output folder that is not empty and was not made by gongkai: none of its files is removed, those at the site's own paths are replaced.")
    var force = false

    @Option(name: .long, help: "A folder for parsed reports kept between builds (keyed by each file's content and gongkai's version), so that unchanged files are not parsed again.")
    var cache = ".gongkai-cache"

    @Flag(name: .long, help: "Parse every file again and keep no cache.")
    var noCache = false

    var contentURL: URL { URL(fileURLWithPath: content) }
    var themeURL: URL { URL(fileURLWithPath: theme) }
    var outputURL: URL { URL(fileURLWithPath: output) }

    func builder() -> SiteBuilder {
        var builder = SiteBuilder(contentDirectory: contentURL, themeDirectory: themeURL, outputDirectory: outputURL)
        builder.cacheDirectory = noCache ? nil : URL(fileURLWithPath: cache)
        builder.forceOutput = force
        builder.progress = ProgressPrinter().callback()
        return builder
    }
}
