import GongkaiModel

/// The build cache's binary primitives: zig-zag varints, length-prefixed UTF-8, little-endian
/// doubles. A truncated or foreign buffer makes a read throw `Malformed`, never crash.
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        // Zig-zag varint: small line numbers and counts take a byte or two.
        var v = UInt64(bitPattern: Int64(value << 1) ^ Int64(value >> 63))
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int?) {
        bool(value != nil)
        if let value { int(value) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func string(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func raw<T: RawRepresentable>(_ value: T) where T.RawValue == String { string(value.rawValue) }

    mutating func cell(_ cell: Cell) {
        switch cell {
        case .unknown: bytes.append(0)
        case .number(let value): bytes.append(1); double(value)
        case .text(let text): bytes.append(2); string(text)
        }
    }

    mutating func row<Column: RawRepresentable>(_ row: TableRow<Column>) where Column.RawValue == String {
        int(row.line)
        int(row.cells.count)
        for (column, value) in row.cells.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            raw(column)
            cell(value)
        }
    }

    mutating func rows<Key: RawRepresentable, Column: RawRepresentable>(_ rows: [Key: TableRow<Column>])
    where Key.RawValue == String, Column.RawValue == String {
        int(rows.count)
        for (key, value) in rows.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            raw(key)
            row(value)
        }
    }
}

struct BinaryReader {
    struct Malformed: Error {}

    private let bytes: ArraySlice<UInt8>
    private(set) var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    var atEnd: Bool { position >= bytes.endIndex }

    mutating func byte() throws -> UInt8 {
        guard position < bytes.endIndex else { throw Malformed() }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func int() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw Malformed() }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
    }

    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.endIndex - position else { throw Malformed() }
        return n
    }

    mutating func optionalInt() throws -> Int? { try bool() ? try int() : nil }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw Malformed()
        }
    }

    mutating func double() throws -> Double { Double(bitPattern: try uint64()) }

    mutating func uint64() throws -> UInt64 {
        guard bytes.endIndex - position >= 8 else { throw Malformed() }
        var bits: UInt64 = 0
        for offset in 0..<8 { bits |= UInt64(bytes[position + offset]) << (8 * UInt64(offset)) }
        position += 8
        return bits
    }

    mutating func slice(_ length: Int) throws -> ArraySlice<UInt8> {
        guard length >= 0, bytes.endIndex - position >= length else { throw Malformed() }
        defer { position += length }
        return bytes[position..<position + length]
    }

    mutating func string() throws -> String {
        let length = try count()
        return String(decoding: try slice(length), as: UTF8.self)
    }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    mutating func raw<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw Malformed() }
        return value
    }

    mutating func cell() throws -> Cell {
        switch try byte() {
        case 0: .unknown
        case 1: .number(try double())
        case 2: .text(try string())
        default: throw Malformed()
        }
    }

    mutating func row<Column: RawRepresentable & Hashable & Sendable>(_ type: Column.Type) throws -> TableRow<Column> where Column.RawValue == String {
        var row = TableRow<Column>(line: try optionalInt())
        let n = try count()
        row.cells.reserveCapacity(n)
        for _ in 0..<n {
            let column = try raw(Column.self)
            row.cells[column] = try cell()
        }
        return row
    }

    mutating func rows<Key: RawRepresentable & Hashable, Column: RawRepresentable & Hashable & Sendable>(
        _ key: Key.Type, _ column: Column.Type
    ) throws -> [Key: TableRow<Column>] where Key.RawValue == String, Column.RawValue == String {
        let n = try count()
        var rows: [Key: TableRow<Column>] = [:]
        rows.reserveCapacity(n)
        for _ in 0..<n {
            let key = try raw(Key.self)
            rows[key] = try row(Column.self)
        }
        return rows
    }
}
