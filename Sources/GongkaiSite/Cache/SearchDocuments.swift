import Foundation

/// One year's search documents (`SearchIndex.Document`: a report's JSON object with its normalised
/// text, and its bigrams) as the last build indexed them, by report digest, in the cache folder
/// (`search-<year>.bin`). Adding a report then reads and indexes that one report's text, not the
/// text of every report of its year. A document depends only on the report (its text, title, id and
/// year), and the digest stands for the report and its file's bytes. A file that does not read
/// back is ignored (every document of the year is made again).
struct SearchDocuments: Sendable {
    static let magic = Array("gongkai-search\n".utf8)
    static let version = "search-1"

    let file: String
    /// Each report's digest, by id.
    let digests: [String: String]

    init(directory: URL, yearKey: String, digests: [String: String]) {
        file = directory.appendingPathComponent("search-\(yearKey).bin").path
        self.digests = digests
    }

    func digest(of id: String) -> String? { digests[id] }

    func load() -> [String: SearchIndex.Document] {
        guard let bytes = FileWriting.contents(file) else { return [:] }
        var input = BinaryReader(bytes[...])
        var documents: [String: SearchIndex.Document] = [:]
        do {
            guard try input.slice(Self.magic.count).elementsEqual(Self.magic), try input.string() == Self.version else { return [:] }
            for _ in 0..<(try input.count()) {
                let digest = try input.string()
                let json = Array(try input.slice(try input.count()))
                let count = try input.count()
                let raw = try input.slice(count * 4)
                let grams = raw.withUnsafeBytes { bytes in
                    (0..<count).map { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
                }
                documents[digest] = SearchIndex.Document(json: json, grams: grams)
            }
        } catch {
            return [:]
        }
        return documents
    }

    func save(_ documents: [(digest: String, document: SearchIndex.Document)]) {
        var out = BinaryWriter()
        out.bytes.reserveCapacity(documents.reduce(64) { $0 + $1.document.json.count + $1.document.grams.count * 4 + 48 })
        out.bytes += Self.magic
        out.string(Self.version)
        out.int(documents.count)
        for (digest, document) in documents {
            out.string(digest)
            out.int(document.json.count)
            out.bytes += document.json
            out.int(document.grams.count)
            document.grams.withUnsafeBufferPointer { grams in
                for gram in grams { withUnsafeBytes(of: gram.littleEndian) { out.bytes += $0 } }
            }
        }
        FileWriting.replace(file, with: out.bytes)
    }
}
