import Foundation
import GongkaiParse

/// The ICU transliterations of body and place names (report ids are made from them), kept in the
/// cache folder so that a rebuild's new report whose names were seen before needs no ICU call.
/// Valid only for the binary that wrote it: the readings live in the binary.
enum TransliterationCache {
    static let fileName = "transliterations.txt"

    /// Seeds the process's transliterations from the cache; returns how many there were.
    static func load(from directory: URL) -> Int {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(fileName).path) else { return 0 }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, String(first) == header() else { return 0 }
        lines.removeFirst()
        var known: [String: String] = [:]
        for line in lines {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            known[String(parts[0])] = String(parts[1])
        }
        Transliterations.seed(known)
        return known.count
    }

    /// Writes the process's transliterations when there are more than were loaded.
    static func save(to directory: URL, loaded: Int) {
        let all = Transliterations.all
        guard all.count > loaded else { return }
        var text = header() + "\n"
        for (name, reading) in all.sorted(by: { $0.key < $1.key })
        where !name.utf8.contains(9) && !name.utf8.contains(10) && !reading.utf8.contains(9) && !reading.utf8.contains(10) {
            text += name + "\t" + reading + "\n"
        }
        _ = FileWriting.replace(directory.appendingPathComponent(fileName).path, with: Array(text.utf8))
    }

    /// The format and the binary's stamp: another binary's readings are not used.
    private static func header() -> String {
        "gongkai transliterations 1 " + (Bundle.main.executableURL.flatMap { FileStamp.of($0.path) } ?? "")
    }
}
