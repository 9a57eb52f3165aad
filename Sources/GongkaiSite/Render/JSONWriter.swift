/// The one JSON writer, into bytes: compact (the site's data exports) or indented as
/// `Foundation.JSONEncoder`'s `.prettyPrinted` writes it (`gongkai parse`), byte for byte. The
/// caller gives keys in sorted order (the model's declarations list them so), calls `key` before
/// each member of an object and `element` before each element of an array; values write no
/// separator. JSONEncoder would reach the same text through a generic, boxed path that cost a
/// twelfth of a clean build.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    let pretty: Bool
    /// Containers open.
    private var depth = 0
    /// Whether the next key or element is its container's first.
    private var first = true

    init(capacity: Int = 0, pretty: Bool = false) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    // MARK: containers

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        beginObject()
        body(&self)
        endObject()
    }

    mutating func array<Element>(_ elements: [Element], _ write: (inout JSONWriter, Element) -> Void) {
        beginArray()
        for element in elements {
            self.element()
            write(&self, element)
        }
        endArray()
    }

    /// `"name":` (`"name" : ` indented), after a comma unless it is the object's first key.
    /// Names are ASCII identifiers.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        keyEnd()
    }

    mutating func key(_ name: String) {
        separate()
        string(name)
        keyEnd()
    }

    /// Before each element of an array.
    mutating func element() { separate() }

    // MARK: values

    mutating func null() { raw("null") }

    mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// As JSONEncoder writes a Double: its description without a trailing `.0`. A value JSON cannot
    /// hold (NaN, infinity) is null here, where JSONEncoder would have thrown.
    mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
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
    }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    // MARK: private

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        if pretty { bytes.append(UInt8(ascii: "\n")) }
        depth += 1
        first = true
    }

    /// JSONEncoder's pretty form closes an empty container on a line of its own too: `[\n\n]`.
    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            indent()
        }
        bytes.append(bracket)
        first = false
    }

    private mutating func separate() {
        if !first { bytes.append(UInt8(ascii: ",")) }
        if pretty {
            if !first { bytes.append(UInt8(ascii: "\n")) }
            indent()
        }
        first = false
    }

    private mutating func keyEnd() {
        if pretty {
            bytes.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

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
    }
}

// MARK: strings for a script

extension JSONWriter {
    /// A JSON string literal for text a page's `<script>` loads (the search index): escaped as
    /// `string` escapes it, except that `</` becomes `<\/` so the text cannot close the script,
    /// and control characters other than `\n`, `\r`, `\t` are written `\u00XX`.
    static func appendScriptString(_ text: String, to out: inout [UInt8]) {
        appendScriptString(utf8: text.utf8, to: &out)
    }

    /// The same, of valid UTF-8 bytes.
    static func appendScriptString(utf8 text: some Sequence<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var previous: UInt8 = 0
        for byte in text {
            switch byte {
            case UInt8(ascii: "\""): out += [0x5C, byte]
            case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
            case UInt8(ascii: "/") where previous == UInt8(ascii: "<"): out += [0x5C, byte]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0..<0x20: appendEscape(UInt16(byte), to: &out)
            default: out.append(byte)
            }
            previous = byte
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `\uXXXX`.
    static func appendEscape(_ unit: UInt16, to out: inout [UInt8]) {
        let hex = String(unit, radix: 16)
        out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
    }
}
