import GongkaiModel

/// A compact binary form of a checked `Report`, written and read by hand (the report cache holds
/// every report). A rebuild decodes only the summary part of the reports it does not show in
/// full (whole decodes were a fifth of an add-one rebuild). Dictionaries are written in key
/// order, so the same report always gives the same bytes (their digest keys the pages). A
/// truncated or foreign buffer makes `decode` return nil, never crash.
enum ReportBinaryCoding {
    static func encode(_ report: Report) -> [UInt8] {
        var out = BinaryWriter()
        out.write(report)
        return out.bytes
    }

    static func decode(_ bytes: ArraySlice<UInt8>) -> Report? {
        var input = BinaryReader(bytes)
        guard let report = try? input.report(), input.atEnd else { return nil }
        return report
    }

    /// The report's summary part only (see `BinaryWriter.write`): what a rebuild needs of the
    /// reports whose pages it does not make again.
    static func decodeSummary(_ bytes: ArraySlice<UInt8>) -> Report? {
        var input = BinaryReader(bytes)
        return try? input.report(summaryOnly: true)
    }

    /// The two parts a report cache keeps apart: the summary (read on every rebuild) and the
    /// details (read only for the reports whose pages are made again). `encode` is the summary,
    /// the details' length, then the details.
    struct Parts: Sendable { var summary, details: [UInt8] }

    static func encodeParts(_ report: Report) -> Parts {
        var summary = BinaryWriter(), details = BinaryWriter()
        summary.writeSummary(report)
        details.writeDetails(report)
        return Parts(summary: summary.bytes, details: details.bytes)
    }

    /// A report from its summary part alone.
    static func decode(summary: ArraySlice<UInt8>) -> Report? {
        var input = BinaryReader(summary)
        guard let report = try? input.summary(), input.atEnd else { return nil }
        return report
    }

    /// A whole report from its two parts; nil when either does not read back whole.
    static func decode(summary: ArraySlice<UInt8>, details: ArraySlice<UInt8>) -> Report? {
        var input = BinaryReader(summary)
        guard var report = try? input.summary(), input.atEnd else { return nil }
        var rest = BinaryReader(details)
        guard (try? rest.details(&report)) != nil, rest.atEnd else { return nil }
        return report
    }
}

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

    mutating func figure(_ figure: NarrativeFigure?) {
        bool(figure != nil)
        guard let figure else { return }
        double(figure.value); int(figure.line); string(figure.excerpt); bool(figure.uncertain)
    }

    /// The summary part (what the list pages, feeds and site-wide pages read), then the details
    /// (sections, table rows, diagnostics, score parts, lines, text) behind their byte length, so
    /// that a summary is decoded without touching them.
    mutating func write(_ r: Report) {
        writeSummary(r)
        var details = BinaryWriter()
        details.writeDetails(r)
        int(details.bytes.count)
        bytes += details.bytes
    }

    mutating func writeSummary(_ r: Report) {
        string(r.id); string(r.source); string(r.format?.rawValue); string(r.body); string(r.kind?.rawValue)
        string(r.city); string(r.county); string(r.town)
        int(r.year); string(r.title)
        bool(r.period != nil)
        if let period = r.period { string(period.start); string(period.end) }
        string(r.contact.address); string(r.contact.postcode); string(r.contact.phone); string(r.contact.fax); string(r.contact.email)
        string(r.website); string(r.issued.by); string(r.issued.date)
        figure(r.figures.proactiveItems); figure(r.figures.newMediaPosts); figure(r.figures.applicationsReceived)
        bool(r.tables.proactive != nil)
        if let table = r.tables.proactive { raw(table.format); int(table.line) }
        bool(r.tables.applications != nil)
        if let table = r.tables.applications { raw(table.otherHandling); int(table.line) }
        bool(r.tables.reviews != nil)
        if let table = r.tables.reviews { int(table.line) }
        int(r.findings.count)
        for f in r.findings {
            string(f.rule); raw(f.severity); string(f.message); string(f.messageZh); int(f.line)
            int(f.cells.count)
            for cell in f.cells { string(cell) }
        }
        bool(r.score != nil)
        if let score = r.score { double(score.total) }
        string(r.encoding)
        bool(r.conversion != nil)
        if let c = r.conversion { raw(c.method); string(c.tool); string(c.original); int(c.cellsRead); int(c.cellsUnknown) }
        int(r.overrides.count)
        for o in r.overrides { string(o) }
        string(r.supersedes)
        int(r.textStartLine)
    }

    mutating func writeDetails(_ r: Report) {
        int(r.sections.count)
        for section in r.sections { int(section.number); string(section.title); int(section.line); int(section.endLine); string(section.text) }
        if let table = r.tables.proactive { rows(table.rows) }
        if let table = r.tables.applications { rows(table.rows) }
        if let table = r.tables.reviews { rows(table.groups) }
        int(r.diagnostics.count)
        for d in r.diagnostics { int(d.line); raw(d.severity); string(d.code); string(d.message) }
        if let score = r.score {
            int(score.parts.count)
            for part in score.parts {
                string(part.id); string(part.label); double(part.points); double(part.max)
                int(part.deductions.count)
                for d in part.deductions { double(d.points); string(d.reason); string(d.reasonZh); string(d.rule); int(d.line) }
            }
        }
        int(r.lines.count)
        for (key, line) in r.lines.sorted(by: { $0.key < $1.key }) { string(key); int(line) }
        string(r.text)
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

    mutating func figure() throws -> NarrativeFigure? {
        guard try bool() else { return nil }
        return NarrativeFigure(value: try double(), line: try int(), excerpt: try string(), uncertain: try bool())
    }

    /// A whole report, or with `summaryOnly` its summary part: no sections, table rows,
    /// diagnostics, score parts, lines or text (tables and score are there, empty but for their
    /// header and total).
    mutating func report(summaryOnly: Bool = false) throws -> Report {
        var r = try summary()
        let details = try count()
        guard !summaryOnly else { return r }
        var input = BinaryReader(try slice(details))
        try input.details(&r)
        guard input.atEnd else { throw Malformed() }
        return r
    }

    /// The summary part (`BinaryWriter.writeSummary`).
    mutating func summary() throws -> Report {
        var r = Report(id: try string(), source: try string())
        if let format = try optionalString() {
            guard let known = ReportFormat(rawValue: format) else { throw Malformed() }
            r.format = known
        }
        r.body = try optionalString(); r.kind = try bool() ? try raw(BodyKind.self) : nil
        r.city = try optionalString(); r.county = try optionalString(); r.town = try optionalString()
        r.year = try optionalInt(); r.title = try optionalString()
        if try bool() { r.period = Period(start: try string(), end: try string()) }
        r.contact = Contact(address: try optionalString(), postcode: try optionalString(), phone: try optionalString(),
                            fax: try optionalString(), email: try optionalString())
        r.website = try optionalString()
        r.issued = Issued(by: try optionalString(), date: try optionalString())
        r.figures = Figures(proactiveItems: try figure(), newMediaPosts: try figure(), applicationsReceived: try figure())
        if try bool() { r.tables.proactive = ProactiveTable(format: try raw(ReportFormat.self), line: try optionalInt()) }
        if try bool() { r.tables.applications = ApplicationTable(otherHandling: try raw(ApplicationTable.OtherHandlingLayout.self), line: try optionalInt()) }
        if try bool() { r.tables.reviews = ReviewTable(line: try optionalInt()) }
        // Built apart and set once, at its size (appending to the report's own array grew it step by step).
        let findingCount = try count()
        var findings: [Finding] = []
        findings.reserveCapacity(findingCount)
        for _ in 0..<findingCount {
            var finding = Finding(rule: try string(), severity: try raw(Finding.Severity.self), message: try string(),
                                  messageZh: try string(), line: try optionalInt())
            let cellCount = try count()
            if cellCount > 0 {
                finding.cells.reserveCapacity(cellCount)
                for _ in 0..<cellCount { finding.cells.append(try string()) }
            }
            findings.append(finding)
        }
        r.findings = findings
        if try bool() { r.score = CompletenessScore(total: try double(), parts: []) }
        r.encoding = try string()
        if try bool() {
            r.conversion = TextConversion(method: try raw(TextConversion.Method.self), tool: try string(), original: try string(),
                                          cellsRead: try optionalInt(), cellsUnknown: try optionalInt())
        }
        for _ in 0..<(try count()) { r.overrides.append(try string()) }
        r.supersedes = try optionalString()
        r.textStartLine = try int()
        return r
    }

    mutating func details(_ r: inout Report) throws {
        for _ in 0..<(try count()) {
            r.sections.append(Section(number: try int(), title: try string(), line: try int(), endLine: try int(), text: try string()))
        }
        if r.tables.proactive != nil { r.tables.proactive?.rows = try rows(ProactiveItem.self, ProactiveColumn.self) }
        if r.tables.applications != nil { r.tables.applications?.rows = try rows(ApplicationRow.self, ApplicantColumn.self) }
        if r.tables.reviews != nil { r.tables.reviews?.groups = try rows(ReviewGroup.self, ReviewColumn.self) }
        for _ in 0..<(try count()) {
            r.diagnostics.append(Diagnostic(line: try optionalInt(), severity: try raw(Diagnostic.Severity.self), code: try string(), message: try string()))
        }
        if let total = r.score?.total {
            var parts: [CompletenessScore.Part] = []
            for _ in 0..<(try count()) {
                var part = CompletenessScore.Part(id: try string(), label: try string(), points: try double(), max: try double(), deductions: [])
                for _ in 0..<(try count()) {
                    part.deductions.append(CompletenessScore.Deduction(
                        points: try double(), reason: try string(), reasonZh: try string(), rule: try string(), line: try optionalInt()))
                }
                parts.append(part)
            }
            r.score = CompletenessScore(total: total, parts: parts)
        }
        for _ in 0..<(try count()) {
            let key = try string()
            r.lines[key] = try int()
        }
        r.text = try string()
    }
}
