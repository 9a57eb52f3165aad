import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Bytes → text. Reports arrive as UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK
/// (older Windows exports). Anything else is refused rather than guessed.
enum TextDecoder {
    enum Failure: Error, Equatable {
        case empty
        case binary(String)
        case brokenUTF8(line: Int)
        case undecodable
    }

    /// Signatures of files people paste into content/ by mistake, with what they are.
    static let binarySignatures: [(bytes: [UInt8], kind: String)] = [
        (Array("%PDF".utf8), "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (a DOCX, XLSX or similar Office file)"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an old Microsoft Office document (DOC/XLS/WPS)"),
        ([0x7B, 0x5C, 0x72, 0x74, 0x66], "an RTF document"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
    ]

    static func decode(_ bytes: [UInt8]) -> Result<(text: String, encoding: String), Failure> {
        guard !bytes.isEmpty else { return .failure(.empty) }
        for signature in binarySignatures where bytes.starts(with: signature.bytes) {
            return .failure(.binary(signature.kind))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(bytes.dropFirst(3))).map { (text: $0, encoding: "UTF-8") }
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), encoding: .utf16LittleEndian, name: "UTF-16LE") }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), encoding: .utf16BigEndian, name: "UTF-16BE") }
        if ByteScan.contains(0, in: bytes) { return .failure(.binary("binary data (it contains NUL bytes; UTF-16 text needs a byte-order mark)")) }
        switch utf8(bytes) {
        case .success(let text): return .success((text, "UTF-8"))
        case .failure(let failure) where failure != .undecodable: return .failure(failure)
        case .failure: break
        }
        if let text = gb18030(bytes), looksLikeText(text) { return .success((text, "GB18030")) }
        return .failure(.undecodable)
    }

    /// Strict UTF-8. Bytes that are mostly well-formed UTF-8 with a few broken sequences are
    /// reported as broken UTF-8 (with the line) instead of being re-read as GB18030 mojibake.
    private static func utf8(_ bytes: [UInt8]) -> Result<String, Failure> {
        if let text = String(validating: bytes, as: UTF8.self) {
            return looksLikeText(text) ? .success(text) : .failure(.binary("binary data (control characters)"))
        }
        let census = utf8Census(bytes)
        if census.wellFormedMultibyte >= 10 * max(census.broken, 1) {
            return .failure(.brokenUTF8(line: census.firstBrokenLine))
        }
        return .failure(.undecodable)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, encoding: String.Encoding, name: String) -> Result<(text: String, encoding: String), Failure> {
        guard bytes.count % 2 == 0, let text = String(data: Data(bytes), encoding: encoding), looksLikeText(text) else {
            return .failure(.undecodable)
        }
        return .success((text, name))
    }

    /// Counts well-formed multibyte sequences and broken bytes, and where the first break is.
    private static func utf8Census(_ bytes: [UInt8]) -> (wellFormedMultibyte: Int, broken: Int, firstBrokenLine: Int) {
        var index = 0, good = 0, broken = 0, line = 1, firstBroken = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            if byte < 0x80 { index += 1; continue }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0
            var valid = length > 0 && index + length <= bytes.count
            if valid {
                for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { valid = false }
            }
            if valid {
                good += 1
                index += length
            } else {
                broken += 1
                if firstBroken == 0 { firstBroken = line }
                index += 1
            }
        }
        return (good, broken, max(firstBroken, 1))
    }

    /// GB18030 (a superset of GBK and GB2312) through glibc iconv; nil when the bytes are not valid.
    static func gb18030(_ bytes: [UInt8]) -> String? {
        #if canImport(Glibc)
        let converter = iconv_open("UTF-8", "GB18030")
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var outPointer = outBuffer.baseAddress
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let converted else { return nil }
        return String(validating: output[0..<converted].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        return nil
        #endif
    }

    /// Text, not binary that happened to decode: few control characters, no private-use code points.
    /// Counted on the UTF-8 bytes (a Swift string's are valid), the same as scalar by scalar:
    /// a scalar starts at every byte that is not a continuation byte.
    static func looksLikeText(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var suspicious = 0, total = 0
            for index in bytes.indices {
                let byte = bytes[index]
                if byte & 0xC0 != 0x80 { total += 1 }
                if isSuspicious(bytes, at: index) { suspicious += 1 }
            }
            return suspicious * 100 <= total
        }
    }

    /// A control character other than tab, LF, CR and form feed; a private-use code point
    /// (U+E000…U+F8FF: lead byte EE, or EF then 80…A3); U+FFFD (EF BF BD).
    private static func isSuspicious(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x20 { return byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C }
        if byte == 0xEE { return true }
        guard byte == 0xEF, index + 1 < bytes.count else { return false }
        let second = bytes[index + 1]
        if second >= 0x80 && second <= 0xA3 { return true }
        return second == 0xBF && index + 2 < bytes.count && bytes[index + 2] == 0xBD
    }
}

/// Byte searches with memchr: the generic `contains` walks a file's bytes one closure call at a time.
enum ByteScan {
    static func contains(_ byte: UInt8, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { contains(byte, in: $0) }
    }

    static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { contains(byte, in: $0) }
    }

    static func contains(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }
}
