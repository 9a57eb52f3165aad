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
                let grams = Self.grams(try input.slice(count * 4), count: count)
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
            Self.append(document.grams, to: &out.bytes)
        }
        FileWriting.replace(file, with: out.bytes)
    }

    /// The bigram keys as little-endian 32-bit words, copied whole on a little-endian machine.
    static func append(_ grams: [UInt32], to bytes: inout [UInt8]) {
        #if _endian(little)
        grams.withUnsafeBytes { bytes += $0 }
        #else
        for gram in grams { withUnsafeBytes(of: gram.littleEndian) { bytes += $0 } }
        #endif
    }

    /// `count` keys from `raw`, as `append` wrote them.
    static func grams(_ raw: ArraySlice<UInt8>, count: Int) -> [UInt32] {
        raw.withUnsafeBytes { bytes in
            [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
                #if _endian(little)
                if count > 0 { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[0..<(count * 4)])) }
                #else
                for index in 0..<count { buffer[index] = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)) }
                #endif
                initialized = count
            }
        }
    }
}
