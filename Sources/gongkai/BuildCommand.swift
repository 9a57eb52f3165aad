import ArgumentParser
import Foundation
import GongkaiSite
import GongkaiWrite

/// `gongkai build`: content → public/. Exit 0 when every file was built, 1 when some were
/// skipped (listed on stderr), 2 when nothing was built.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the static site from the report files.",
        discussion: """
            Reads every .txt and .md report under the content folder, parses and checks it, and writes \
            the site to the output folder atomically (staged beside it, then swapped in).
            Templates in the theme folder override the built-in ones one by one.
            Exit status: 0 all reports built, 1 some files skipped, 2 nothing built.
            """
    )

    @OptionGroup var folders: SiteFolders

    @Option(name: .long, help: "A folder for parsed reports kept between builds; unchanged files are not parsed again.")
    var cache: String?

    func run() throws {
        var builder = folders.builder()
        builder.cacheDirectory = cache.map { URL(fileURLWithPath: $0) }
        let summary: BuildSummary
        do {
            summary = try builder.build()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        for line in summary.notes + summary.skipped { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
        print(summary.line)
        if summary.reportsRead == 0 { throw ExitCode(2) }
        if !summary.skipped.isEmpty { throw ExitCode(1) }
    }
}
