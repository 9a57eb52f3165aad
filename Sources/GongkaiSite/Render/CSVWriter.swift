/// CSV for Chinese users opens in Excel: UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting.
/// Written byte by byte into one reserved buffer: no String per field, row or file.
struct CSVWriter {
    private(set) var bytes: [UInt8]
    /// Whether the current row has a field yet (the next one is preceded by a comma).
    private var rowStarted = false

    init(capacity: Int = 1_024) {
        bytes = []
        bytes.reserveCapacity(capacity)
        bytes += [0xEF, 0xBB, 0xBF]
    }

    mutating func field(_ value: String) {
        if rowStarted { bytes.append(UInt8(ascii: ",")) }
        rowStarted = true
        let utf8 = value.utf8
        guard utf8.contains(where: Self.needsQuotes) else {
            bytes += utf8
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `count` empty fields.
    mutating func emptyFields(_ count: Int) {
        for _ in 0..<max(0, count) { field("") }
    }

    mutating func endRow() {
        bytes += [0x0D, 0x0A]
        rowStarted = false
    }

    mutating func row(_ fields: [String]) {
        for value in fields { field(value) }
        endRow()
    }

    @inline(__always)
    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
    }
}
