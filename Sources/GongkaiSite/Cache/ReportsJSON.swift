import Foundation
import GongkaiModel

/// `data/reports.json` spliced from the previous build's file: the element of a report whose
/// digest is the one it was written from is copied from the old file's bytes; only new and changed
/// reports are encoded (`DataExports.element`). The layout is `DataExports.writeJSON`'s (`[`, one
/// element per line joined by `,` and a newline, `]`), so the bytes are those a clean build writes.
enum ReportsJSON {
    static let path = "data/reports.json"

    /// Where one report's element lies in a `data/reports.json`, and the digest of that report.
    struct Element: Sendable, Hashable {
        var offset: Int
        var length: Int
        var digest: String
    }

    /// Writes the file; returns where each report's element went, by the report's source path.
    /// `previous`: the old file's bytes and the elements in it (by source path); `digests` and
    /// `sources`: each report's digest and source path, by id.
    static func write(
        _ reports: [Report], previous: (bytes: [UInt8], elements: [String: Element])?, digests: [String: String],
        sources: [String: String], to emit: ([UInt8]) throws -> Void
    ) throws -> [String: Element] {
        guard !reports.isEmpty else {
            try emit(Array("[]".utf8))
            return [:]
        }
        var written: [String: Element] = [:]
        var offset = 0
        func put(_ bytes: [UInt8]) throws {
            try emit(bytes)
            offset += bytes.count
        }
        try put(Array("[\n".utf8))
        let batch = 64
        for first in stride(from: 0, to: reports.count, by: batch) {
            let slice = Array(reports[first..<min(first + batch, reports.count)])
            let parts = ParallelMap.map(slice) { report -> [UInt8] in
                if let old = reuse(report, previous: previous, digests: digests, sources: sources) { return old }
                return DataExports.element(report)
            }
            for (index, part) in parts.enumerated() {
                if first + index > 0 { try put(Array(",\n".utf8)) }
                let report = slice[index]
                if let source = sources[report.id], let digest = digests[report.id] {
                    written[source] = Element(offset: offset, length: part.count, digest: digest)
                }
                try put(part)
            }
        }
        try put(Array("\n]".utf8))
        return written
    }

    private static func reuse(
        _ report: Report, previous: (bytes: [UInt8], elements: [String: Element])?, digests: [String: String], sources: [String: String]
    ) -> [UInt8]? {
        guard let previous, let source = sources[report.id], let digest = digests[report.id],
              let element = previous.elements[source], element.digest == digest,
              element.offset >= 0, element.length > 0, element.offset + element.length <= previous.bytes.count else { return nil }
        return Array(previous.bytes[element.offset..<element.offset + element.length])
    }
}
