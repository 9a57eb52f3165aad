import Foundation

/// Pieces of pages (a year page's table rows, the home page's table of a year) as the last build
/// rendered them, in the cache folder (`<name>.bin`), each under a key naming what it was made from
/// (report digests and ids, body slugs). Adding a report then renders only the pieces it touches:
/// the year page's other rows are not decoded from the report cache again, the home page's other
/// years not written again. Each piece is a few strings (its HTML, its CSV line). The file also
/// names gongkai's binary: a new build of gongkai (other labels, other markup) renders everything
/// again. A file that does not read back is ignored.
struct KeptFragments: Sendable {
    static let magic = Array("gongkai-fragments\n".utf8)

    let file: String
    /// What every piece depends on besides its key: the binary, the kind of piece, the theme's mode.
    let salt: String

    init(directory: URL, name: String, salt: String = "") {
        file = directory.appendingPathComponent("\(name).bin").path
        self.salt = "fragments-1\0\(Self.binaryStamp)\0\(name)\0\(salt)"
    }

    /// gongkai's own executable, by size, time and inode (as the report cache's check salt names it).
    static let binaryStamp: String = Bundle.main.executableURL.flatMap { FileStamp.of($0.path) } ?? ""

    func load() -> [String: [String]] {
        guard let bytes = FileWriting.contents(file) else { return [:] }
        var input = BinaryReader(bytes[...])
        var pieces: [String: [String]] = [:]
        do {
            guard try input.slice(Self.magic.count).elementsEqual(Self.magic), try input.string() == salt else { return [:] }
            let count = try input.count()
            pieces.reserveCapacity(count)
            for _ in 0..<count {
                let key = try input.string()
                var fields: [String] = []
                for _ in 0..<(try input.count()) { fields.append(try input.string()) }
                pieces[key] = fields
            }
        } catch {
            return [:]
        }
        return pieces
    }

    func save(_ pieces: [(key: String, fields: [String])]) {
        var out = BinaryWriter()
        out.bytes.reserveCapacity(pieces.reduce(256) { total, piece in
            piece.fields.reduce(total + piece.key.utf8.count + 8) { $0 + $1.utf8.count + 4 }
        })
        out.bytes += Self.magic
        out.string(salt)
        out.int(pieces.count)
        for piece in pieces {
            out.string(piece.key)
            out.int(piece.fields.count)
            for field in piece.fields { out.string(field) }
        }
        FileWriting.replace(file, with: out.bytes)
    }
}
