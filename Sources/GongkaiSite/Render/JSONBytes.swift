/// A compact JSON writer into bytes. The caller gives keys in sorted order (the export's keys are
/// sorted so that the same reports give the same bytes); `Foundation.JSONEncoder` would reach the
/// same text through a generic, boxed path that cost a twelfth of a clean build.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []
    /// Whether the next key or element opens its container (no comma before it).
    private var atStart = true

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    // MARK: containers

    mutating func object(_ body: (inout JSONBytes) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        atStart = true
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        atStart = false
    }

    mutating func array<Element>(_ elements: [Element], _ write: (inout JSONBytes, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
        atStart = false
    }

    /// `"name":`, after a comma unless it is the object's first key. Names are ASCII identifiers.
    mutating func key(_ name: StaticString) {
        if !atStart { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        atStart = true
    }

    mutating func key(_ name: String) {
        if !atStart { bytes.append(UInt8(ascii: ",")) }
        string(name)
        bytes.append(UInt8(ascii: ":"))
        atStart = true
    }

    // MARK: values

    mutating func null() { raw("null") }

    mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }

    mutating func int(_ value: Int) { ascii(String(value)) }

    mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// As JSONEncoder writes a Double: its description without a trailing `.0`. A value JSON cannot
    /// hold (NaN, infinity) is null here, where JSONEncoder would have thrown.
    mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        ascii(text)
    }

    mutating func double(_ value: Double?) {
        if let value { double(value) } else { null() }
    }

    /// Escapes `"`, `\` and control characters as JSONEncoder does (slashes left as they are).
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.makeContiguousUTF8()
        _ = value.utf8.withContiguousStorageIfAvailable { buffer in appendEscaped(buffer) }
        bytes.append(UInt8(ascii: "\""))
        atStart = false
    }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    // MARK: private

    private mutating func appendEscaped(_ buffer: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in buffer.indices {
            let byte = buffer[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
            appendEscape(byte)
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart...]))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x08: raw("\\b")
        case 0x0C: raw("\\f")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: Array("\\u00".utf8))
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
    }

    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        atStart = false
    }

    private mutating func ascii(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        atStart = false
    }
}
