import GongkaiModel

/// A checked `Report` in the build cache's binary form, derived from the model's declaration of
/// its fields (`ModelFields`): each field in declaration order, an optional behind a presence byte,
/// an array behind its count. A report is two parts: the summary (what list pages, feeds and
/// site-wide pages read, decoded on every rebuild) and the details (fields marked `.details`:
/// sections, table rows, diagnostics, score parts, lines, text), read only for the reports whose
/// pages are made again. Dictionaries are written in key order, so the same report always gives
/// the same bytes (their digest keys the pages). A truncated or foreign buffer makes a decode
/// return nil, never crash.
enum ReportBinaryCoding {
    /// The summary, the details' length, then the details.
    static func encode(_ report: Report) -> [UInt8] {
        let parts = encodeParts(report)
        var out = BinaryWriter()
        out.bytes = parts.summary
        out.int(parts.details.count)
        out.bytes += parts.details
        return out.bytes
    }

    static func decode(_ bytes: ArraySlice<UInt8>) -> Report? {
        var input = BinaryReader(bytes)
        guard var report = try? read(.summary, from: &input, into: Report()),
              let length = try? input.count(), let details = try? input.slice(length), input.atEnd,
              (try? read(.details, from: details, into: &report)) != nil else { return nil }
        return report
    }

    /// The report's summary part only: what a rebuild needs of the reports whose pages it does
    /// not make again (no sections, table rows, diagnostics, score parts, lines or text; tables
    /// and score are there, empty but for their header and total).
    static func decodeSummary(_ bytes: ArraySlice<UInt8>) -> Report? {
        var input = BinaryReader(bytes)
        return try? read(.summary, from: &input, into: Report())
    }

    /// The two parts a report cache keeps apart.
    struct Parts: Sendable {
        var summary: [UInt8]
        var details: [UInt8]
    }

    static func encodeParts(_ report: Report) -> Parts {
        var report = report
        var summary = BinaryFieldWriter(part: .summary)
        try? report.fields(&summary)
        var details = BinaryFieldWriter(part: .details)
        try? report.fields(&details)
        return Parts(summary: summary.out.bytes, details: details.out.bytes)
    }

    /// A report from its summary part alone.
    static func decode(summary: ArraySlice<UInt8>) -> Report? {
        var input = BinaryReader(summary)
        guard let report = try? read(.summary, from: &input, into: Report()), input.atEnd else { return nil }
        return report
    }

    /// A whole report from its two parts; nil when either does not read back whole.
    static func decode(summary: ArraySlice<UInt8>, details: ArraySlice<UInt8>) -> Report? {
        guard var report = decode(summary: summary), (try? read(.details, from: details, into: &report)) != nil else { return nil }
        return report
    }

    private static func read(_ part: BinaryPart, from input: inout BinaryReader, into report: Report) throws -> Report {
        var report = report
        var reader = BinaryFieldReader(input: input, part: part)
        try report.fields(&reader)
        input = reader.input
        return report
    }

    /// Reads the details part into `report`, which must be read to its end.
    private static func read(_ part: BinaryPart, from bytes: ArraySlice<UInt8>, into report: inout Report) throws {
        var reader = BinaryFieldReader(input: BinaryReader(bytes), part: part)
        try report.fields(&reader)
        guard reader.input.atEnd else { throw BinaryReader.Malformed() }
    }
}

/// Which fields a pass over a value writes or reads.
enum BinaryPart {
    /// Fields not marked `.details`, a nested value's summary fields included.
    case summary
    /// Fields marked `.details` (whole), found by descending through the others.
    case details
    /// Every field.
    case whole

    /// Whether a field of a scalar, an array or a map is in this part.
    func holds(_ options: FieldOptions) -> Bool {
        switch self {
        case .whole: true
        case .summary: !options.contains(.details)
        case .details: options.contains(.details)
        }
    }

    /// The part in which a nested value's own fields are coded, or nil when it is not coded.
    func nested(_ options: FieldOptions) -> BinaryPart? {
        guard options.contains(.details) else { return self }
        return self == .summary ? nil : .whole
    }
}
