import ArgumentParser
import Foundation
import GongkaiServe
import GongkaiSite
import GongkaiWrite

/// `gongkai build`: content → public/. Exit 0 when every file was built, 1 when some were
/// skipped (listed on stderr), 2 when nothing was built.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the static site from the report files.",
        discussion: """
            Reads every .txt and .md report under the content folder, parses and checks it, and writes \
            the site to the output folder. A first build is staged beside the output and renamed into \
            place whole. A rebuild stages only the files whose bytes changed, then replaces each one \
            atomically (one rename per file) and removes the files the site no longer has, under a \
            journal beside the output: a build killed during that commit leaves every file either old \
            or new, never half-written (the site may mix the two), and the next build finishes the \
            interrupted commit before anything else. A failure before the commit leaves the output as it was. Unchanged files are not \
            touched and keep their modification time. Checked reports are cached (--cache), so a \
            rebuild reads, parses and checks only the files that changed.
            The output folder carries gongkai's mark (.gongkai-site, the list of files it wrote): a \
            rebuild removes only listed files the site no longer has and keeps every other file \
            (CNAME, robots.txt, .htaccess, .git/). A non-empty folder without the mark is refused \
            (exit 2) unless --force; /, the home and working folders, the content, theme and cache \
            folders, any folder holding one of them and any folder inside the content, theme or \
            cache folder are always refused. A symbolic link is judged by where it leads.
            Templates in the theme folder override the built-in ones one by one.
            GONGKAI_TRACE=1 prints the time of each build phase (and of each slow render job) on stderr.
            Exit status: 0 all reports built, 1 some files skipped, 2 nothing built.
            """
    )

    @OptionGroup var folders: SiteFolders

    @Flag(name: .long, help: "After building, watch the content and theme folders and rebuild on every change (Ctrl-C stops).")
    var watch = false

    func run() async throws {
        let builder = folders.builder()
        let outcome = SiteRebuild.run(builder)
        guard watch else {
            switch outcome {
            case .failed: throw ExitCode(2)
            case .built(let notice): if notice != nil { throw ExitCode(1) }
            }
            return
        }
        Console.out("Watching \(folders.content)/ and \(folders.theme)/ (Ctrl-C stops)")
        await ChangeWatcher(paths: [folders.contentURL, folders.themeURL]).runUntilStopped { _ = SiteRebuild.run(builder) }
        Console.out("Stopped.")
    }
}
