import CCmarkGFM
import Foundation

/// One parsed cmark-gfm document: the parser (which owns the extension list the HTML
/// renderer needs) and the tree. Holds C pointers, so it is deliberately not Sendable:
/// create, render and drop it inside one task.
final class CmarkDocument {
    private let parser: OpaquePointer
    private let root: OpaquePointer
    let options: Int32

    /// Parses `markdown`. Parsing is serialized process-wide: Debian's 0.29.0.gfm.6 keeps
    /// inline-parsing state in globals, and parallel parses silently lose strikethrough and autolinks.
    init?(_ markdown: String, options: Int32) {
        CmarkExtensions.ensureRegistered()
        guard let parser = cmark_parser_new(options) else { return nil }
        for name in CmarkExtensions.names {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        let root: OpaquePointer? = CmarkExtensions.parseLock.withLock {
            var markdown = markdown
            markdown.makeContiguousUTF8()
            // Fed in place: no copy of the text inside the lock.
            _ = markdown.utf8.withContiguousStorageIfAvailable { buffer in
                buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
            return cmark_parser_finish(parser)
        }
        guard let root else {
            cmark_parser_free(parser)
            return nil
        }
        self.parser = parser
        self.root = root
        self.options = options
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// Prepares the tree for reading OCR'd reports:
    /// - a soft break between two CJK characters is removed (a browser shows it as a space,
    ///   splitting a Chinese sentence wrapped in the source);
    /// - in a paragraph holding tab-separated cells (a table that lost its layout) soft breaks
    ///   become hard breaks and tabs become visible gaps, so each source row stays one line.
    func prepareForReading() {
        var softBreaks: [OpaquePointer] = []
        var tabbedTexts: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_SOFTBREAK { softBreaks.append(node) }
            if type == CMARK_NODE_LINK { links.append(node) }
            if type == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node), strchr(literal, 9) != nil { tabbedTexts.append(node) }
        }
        cmark_iter_free(iterator)
        links.forEach(Self.endAutolinkAtChinese)
        let tabbedParagraphs = Set(tabbedTexts.compactMap { Self.paragraph(of: $0) })
        for node in tabbedTexts {
            guard let literal = cmark_node_get_literal(node) else { continue }
            cmark_node_set_literal(node, Self.tabsWidened(literal))
        }
        for node in softBreaks {
            if let paragraph = Self.paragraph(of: node), tabbedParagraphs.contains(paragraph) {
                if let hard = cmark_node_new(CMARK_NODE_LINEBREAK) { cmark_node_insert_before(node, hard) }
                cmark_node_unlink(node)
                cmark_node_free(node)
                continue
            }
            guard let before = Self.edgeScalar(of: cmark_node_previous(node), last: true),
                  let after = Self.edgeScalar(of: cmark_node_next(node), last: false),
                  CJK.contains(before), CJK.contains(after) else { continue }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// GFM's autolinks end only at white space, and Chinese text has none: in
    /// `www.jinjiang.gov.cn（晋江市人民政府）网站` the link would run on into the sentence. An
    /// autolink (its text is its URL) ends at the first non-ASCII character; the rest is text again.
    private static func endAutolinkAtChinese(_ link: OpaquePointer) {
        guard let child = cmark_node_first_child(link), cmark_node_next(child) == nil,
              cmark_node_get_type(child) == CMARK_NODE_TEXT,
              let literalPointer = cmark_node_get_literal(child), let urlPointer = cmark_node_get_url(link) else { return }
        let literal = String(cString: literalPointer), url = String(cString: urlPointer)
        guard let prefix = ["", "http://", "mailto:"].first(where: { url == $0 + literal }),
              let cut = literal.unicodeScalars.firstIndex(where: { !$0.isASCII }), cut > literal.unicodeScalars.startIndex else { return }
        let head = String(literal.unicodeScalars[..<cut]), tail = String(literal.unicodeScalars[cut...])
        cmark_node_set_url(link, prefix + head)
        cmark_node_set_literal(child, head)
        guard let rest = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(rest, tail)
        cmark_node_insert_after(link, rest)
    }

    /// The literal with every tab as two EM SPACEs (U+2003), a NUL-terminated copy made byte by
    /// byte (a tab, ASCII, never falls inside a multi-byte character).
    static func tabsWidened(_ literal: UnsafePointer<CChar>) -> [CChar] {
        let length = strlen(literal)
        var widened: [CChar] = []
        widened.reserveCapacity(length + 64)
        for offset in 0..<length {
            let byte = literal[offset]
            if byte == 9 { widened += emSpaces } else { widened.append(byte) }
        }
        widened.append(0)
        return widened
    }

    private static let emSpaces: [CChar] = Array("\u{2003}\u{2003}".utf8).map { CChar(bitPattern: $0) }

    private static func paragraph(of node: OpaquePointer) -> OpaquePointer? {
        var current = cmark_node_parent(node)
        while let node = current {
            if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH { return node }
            current = cmark_node_parent(node)
        }
        return nil
    }

    /// The last (or first) character of an inline node's text, descending into emphasis and links.
    private static func edgeScalar(of node: OpaquePointer?, last: Bool) -> Unicode.Scalar? {
        var current = node
        while let node = current {
            if cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) {
                return edgeScalar(UnsafeRawBufferPointer(start: literal, count: strlen(literal)), last: last)
            }
            current = last ? cmark_node_last_child(node) : cmark_node_first_child(node)
        }
        return nil
    }

    /// Decodes only the scalar at one end of a UTF-8 literal (a soft break's neighbours can be
    /// whole paragraphs: copying them into Strings cost more than the test).
    static func edgeScalar(_ bytes: UnsafeRawBufferPointer, last: Bool) -> Unicode.Scalar? {
        guard !bytes.isEmpty else { return nil }
        var start = last ? bytes.count - 1 : 0
        if last {
            // Back to the lead byte of the last scalar (at most three continuation bytes).
            while start > 0, bytes.count - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        }
        let lead = bytes[start]
        let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 1
        let end = last ? bytes.count : min(bytes.count, start + length)
        // At most four bytes: a small String, no allocation; invalid bytes decode as U+FFFD, as before.
        let scalars = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).unicodeScalars
        return last ? scalars.last : scalars.first
    }

    func html() -> String {
        guard let rendered = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

/// The GFM extensions gongkai uses, registered once per process.
enum CmarkExtensions {
    static let names = ["table", "strikethrough", "autolink", "tagfilter"]
    static let parseLock = NSLock()
    /// `static let` initialisation runs once, thread-safely (swift_once), unlike cmark's own guard.
    private static let registration: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static func ensureRegistered() { _ = registration }
}

/// CJK ideographs, punctuation and full-width forms: characters written without spaces between them.
enum CJK {
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FFFF: true
        default: false
        }
    }
}
