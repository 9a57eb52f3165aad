import CLibXML2
import Foundation

/// An element of a parsed XML or HTML document, copied out of libxml2's tree into Swift values
/// so that the converters walk it without pointers. Names are local (`w:tbl` is `tbl`), HTML
/// names lowercase.
struct MarkupElement: Sendable {
    var name: String
    var attributes: [String: String]
    var children: [MarkupNode]

    func attribute(_ name: String) -> String? { attributes[name] }

    var elements: [MarkupElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    func firstChild(_ name: String) -> MarkupElement? { elements.first { $0.name == name } }
}

enum MarkupNode: Sendable {
    case element(MarkupElement)
    case text(String)
}

/// Parsing through libxml2: `xmlReadMemory` for Word's XML, `htmlReadMemory` for web pages.
enum MarkupParser {
    /// libxml2 must be initialised once before parsing on several threads.
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses XML (no network, no entity expansion); nil when it is not well-formed.
    static func xml(_ bytes: [UInt8]) -> MarkupElement? {
        _ = initialised
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(clamping: buffer.count), "document.xml", nil, options)
                }
            }
        }
        return tree(of: document)
    }

    /// Parses HTML in `encoding` (an iconv name), recovering from errors as browsers do.
    static func html(_ bytes: [UInt8], encoding: String) -> MarkupElement? {
        _ = initialised
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(clamping: buffer.count), "page.html", encoding, options)
                }
            }
        }
        return tree(of: document)
    }

    private static func tree(of document: xmlDocPtr?) -> MarkupElement? {
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        return element(root)
    }

    private static func element(_ node: xmlNodePtr) -> MarkupElement {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                attributes[String(cString: name).lowercased()] = current.pointee.children.flatMap { $0.pointee.content }.map { String(cString: $0) } ?? ""
            }
            attribute = current.pointee.next
        }
        var children: [MarkupNode] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: children.append(.element(element(current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { children.append(.text(String(cString: content))) }
            default: break
            }
            child = current.pointee.next
        }
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        return MarkupElement(name: name, attributes: attributes, children: children)
    }
}
