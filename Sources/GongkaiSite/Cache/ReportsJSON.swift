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
    /// `previous`: the old file (its path and size) and the elements in it (by source path), whose
    /// bytes are handed on as ranges to copy (the kernel copies them file to file);
    /// `digests` and `sources`: each report's digest and source path, by id; `whole`: a report with
    /// the details its summary lacks (only new and changed elements are encoded). Runs of reports that
    /// lay one after another in the old file are copied as one piece.
    static func write(
        _ reports: [Report], previous: (file: String, size: Int, elements: [String: Element])?, digests: [String: String],
        sources: [String: String], whole: @Sendable (Report) -> Report = { $0 }, to emit: (FilePiece) throws -> Void
    ) throws -> [String: Element] {
        guard !reports.isEmpty else {
            try emit(.bytes(Array("[]".utf8)))
            return [:]
        }
        var written: [String: Element] = [:]
        var offset = 0
        /// The old file's bytes still to be copied: a run of whole elements and the separators between them.
        var run: Range<Int>?
        func flush() throws {
            guard let range = run, let previous else { return }
            try emit(.copy(file: previous.file, range: range))
            run = nil
        }
        func put(_ bytes: [UInt8]) throws {
            try flush()
            try emit(.bytes(bytes))
        }
        try put(Array("[\n".utf8))
        offset = 2
        let separator = 2  // ",\n"
        let batch = 64
        for first in stride(from: 0, to: reports.count, by: batch) {
            let slice = Array(reports[first..<min(first + batch, reports.count)])
            let parts = ParallelMap.map(slice) { report -> Part in
                if let old = reusable(report, previous: previous, digests: digests, sources: sources) { return .old(old) }
                return .new(DataExports.element(whole(report)))
            }
            for (index, part) in parts.enumerated() {
                let report = slice[index]
                if first + index > 0 { offset += separator }
                switch part {
                case .old(let range):
                    if let current = run, current.upperBound + separator == range.lowerBound, first + index > 0 {
                        run = current.lowerBound..<range.upperBound
                    } else {
                        if first + index > 0 { try put(Array(",\n".utf8)) }
                        try flush()
                        run = range
                    }
                case .new(let bytes):
                    if first + index > 0 { try put(Array(",\n".utf8)) }
                    try put(bytes)
                }
                if let source = sources[report.id], let digest = digests[report.id] {
                    written[source] = Element(offset: offset, length: part.count, digest: digest)
                }
                offset += part.count
            }
        }
        try put(Array("\n]".utf8))
        return written
    }

    private enum Part: Sendable {
        case old(Range<Int>)
        case new([UInt8])

        var count: Int {
            switch self {
            case .old(let range): range.count
            case .new(let bytes): bytes.count
            }
        }
    }

    private static func reusable(
        _ report: Report, previous: (file: String, size: Int, elements: [String: Element])?, digests: [String: String], sources: [String: String]
    ) -> Range<Int>? {
        guard let previous, let source = sources[report.id], let digest = digests[report.id],
              let element = previous.elements[source], element.digest == digest,
              element.offset >= 0, element.length > 0, element.offset + element.length <= previous.size else { return nil }
        return element.offset..<element.offset + element.length
    }
}
