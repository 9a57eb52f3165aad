import Foundation
import ZIPFoundation

/// A ZIP archive written in memory, byte for byte the same for the same entries: every entry has
/// the same fixed time (1980-01-01 00:00, the format's first day), names are flagged UTF-8
/// (general-purpose bit 11) so that Chinese names open as they are in Windows, macOS and WPS, and
/// entries are stored in the order given. Foundation has no ZIP writer; ZIPFoundation supplies the
/// raw deflate (zlib), everything else is written here.
struct ZipWriter {
    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    /// MS-DOS date and time of every entry: 1980-01-01 00:00:00.
    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    /// Files up to this size are stored, not deflated.
    static let smallFile = 1024
    /// Bit 11: the name is UTF-8.
    static let utf8Flag: UInt16 = 1 << 11

    /// What a ZIP without its 64-bit extension holds: 65,535 entries, 4 GiB, names of 65,535 bytes.
    struct TooLarge: Error, CustomStringConvertible {
        var description: String { "the ZIP archive would hold more than 65,535 entries or 4 GiB" }
    }

    /// A file ready to be written: its name, checksum and bytes as stored, so that a part every
    /// archive holds (a .docx's styles) is compressed once.
    struct Entry: Sendable {
        var name: [UInt8]
        var crc: UInt32
        /// 0 stored, 8 deflated.
        var method: UInt16
        var stored: [UInt8]
        var size: Int

        /// Deflated unless that would not make it smaller, or `deflate` is false (a file that is
        /// itself compressed, such as a .docx: deflating it again costs time and saves nothing).
        init(_ name: String, _ bytes: [UInt8], deflate: Bool = true) {
            self.name = Array(name.utf8)
            crc = ZipCRC.checksum(bytes)
            size = bytes.count
            // Below a kilobyte, deflating saves some hundred bytes and costs a zlib stream (a quarter megabyte).
            let deflated = deflate && bytes.count > ZipWriter.smallFile ? ZipWriter.deflate(bytes) : nil
            (method, stored) = deflated.map { $0.count < bytes.count ? (8, $0) : (0, bytes) } ?? (0, bytes)
        }
    }

    /// Adds a file (see `Entry`).
    mutating func add(_ name: String, _ bytes: [UInt8], deflate: Bool = true) throws {
        try add(Entry(name, bytes, deflate: deflate))
    }

    mutating func add(_ entry: Entry) throws {
        let (crc, method, stored, nameBytes, size) = (entry.crc, entry.method, entry.stored, entry.name, entry.size)
        guard count < 0xFFFF, nameBytes.count < 0xFFFF, body.count + stored.count + directory.count + 2 * nameBytes.count + 200 < 0xFFFF_FFFF
        else { throw TooLarge() }
        let offset = UInt32(body.count)
        var local: [UInt8] = []
        local.le32(0x0403_4B50)
        local.le16(20)  // version needed: 2.0
        local.le16(Self.utf8Flag)
        local.le16(method)
        local.le16(Self.dosTime)
        local.le16(Self.dosDate)
        local.le32(crc)
        local.le32(UInt32(stored.count))
        local.le32(UInt32(size))
        local.le16(UInt16(nameBytes.count))
        local.le16(0)  // extra field length
        body += local + nameBytes + stored

        directory.le32(0x0201_4B50)
        directory.le16(20)  // made by: MS-DOS, 2.0
        directory.le16(20)
        directory.le16(Self.utf8Flag)
        directory.le16(method)
        directory.le16(Self.dosTime)
        directory.le16(Self.dosDate)
        directory.le32(crc)
        directory.le32(UInt32(stored.count))
        directory.le32(UInt32(size))
        directory.le16(UInt16(nameBytes.count))
        directory.le16(0)  // extra
        directory.le16(0)  // comment
        directory.le16(0)  // disk number
        directory.le16(0)  // internal attributes
        directory.le32(0)  // external attributes
        directory.le32(offset)
        directory += nameBytes
        count += 1
    }

    /// The whole archive: the entries, their central directory and its end record.
    func bytes() -> [UInt8] {
        var end: [UInt8] = []
        end.le32(0x0605_4B50)
        end.le16(0)
        end.le16(0)
        end.le16(UInt16(count))
        end.le16(UInt16(count))
        end.le32(UInt32(directory.count))
        end.le32(UInt32(body.count))
        end.le16(0)  // comment length
        return body + directory + end
    }

    /// Raw deflate (no zlib header), as ZIP's method 8 wants; nil if zlib fails.
    static func deflate(_ bytes: [UInt8]) -> [UInt8]? {
        let data = Data(bytes)
        var output: [UInt8] = []
        do {
            _ = try Data.compress(size: Int64(data.count), bufferSize: 64 << 10, provider: { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }, consumer: { chunk in output += chunk })
        } catch {
            return nil
        }
        return output
    }
}

/// CRC-32 (ISO 3309, the polynomial ZIP uses), by table.
enum ZipCRC {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

extension [UInt8] {
    /// Appends a little-endian 16-bit value.
    mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    /// Appends a little-endian 32-bit value.
    mutating func le32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
