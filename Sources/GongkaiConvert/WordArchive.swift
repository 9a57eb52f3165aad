import Foundation
import ZIPFoundation

/// A `.docx` ZIP archive read within bounds: a zip bomb is stopped by counting the bytes
/// actually inflated (a header may lie about an entry's size), and an archive with more entries
/// than any Word file has is refused before its directory is walked to the end.
struct WordArchive {
    /// A part inflating beyond this is not a report (and would not fit the parser's limits anyway).
    static let maxPartBytes = 64 << 20
    /// A Word file has a few dozen entries (parts, images, relationships); this leaves room for many images.
    static let maxEntries = 1_000

    private let archive: Archive
    private let entries: [String: Entry]

    init(_ archive: Archive, path: String) throws(ConversionError) {
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            guard count <= Self.maxEntries else {
                throw ConversionError(path: path, message: "the ZIP archive has more than \(Self.maxEntries) entries; a Word file has a few dozen: not read")
            }
            if entries[entry.path] == nil { entries[entry.path] = entry }
        }
        self.archive = archive
        self.entries = entries
    }

    /// The bytes of the part `name`; inflating stops as soon as it passes `maxPartBytes`.
    func part(_ name: String, path: String) throws(ConversionError) -> [UInt8] {
        guard let entry = entries[name] else {
            throw ConversionError(path: path, message: "not a Word .docx file: the archive has no \(name)")
        }
        let tooLarge = ConversionError(path: path, message: "\(name) is larger than \(Self.maxPartBytes >> 20) MB; not read")
        guard entry.uncompressedSize <= UInt64(Self.maxPartBytes) else { throw tooLarge }
        var xml: [UInt8] = []
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard xml.count + chunk.count <= Self.maxPartBytes else { throw PartTooLarge() }
                xml.append(contentsOf: chunk)
            }
        } catch is PartTooLarge {
            throw ConversionError(path: path, message: "\(name) inflates to more than \(Self.maxPartBytes >> 20) MB though its ZIP header says \(entry.uncompressedSize) bytes (a zip bomb?); not read")
        } catch {
            throw ConversionError(path: path, message: "\(name) in this Word file cannot be extracted (damaged archive)")
        }
        return xml
    }

    private struct PartTooLarge: Error {}
}
