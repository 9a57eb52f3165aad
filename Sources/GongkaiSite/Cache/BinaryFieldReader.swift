import GongkaiModel

/// Reads one part (`BinaryPart`) of a model value's fields from the build cache's binary form,
/// into a value that holds the other part already (or is blank). Mirrors `BinaryFieldWriter`.
struct BinaryFieldReader: FieldVisitor {
    var input: BinaryReader
    var part: BinaryPart

    mutating func field(_ key: StaticString, _ value: inout String, _ options: FieldOptions) throws {
        if part.holds(options) { value = try input.string() }
    }

    mutating func field(_ key: StaticString, _ value: inout String?, _ options: FieldOptions) throws {
        if part.holds(options) { value = try input.optionalString() }
    }

    mutating func field(_ key: StaticString, _ value: inout Int, _ options: FieldOptions) throws {
        if part.holds(options) { value = try input.int() }
    }

    mutating func field(_ key: StaticString, _ value: inout Int?, _ options: FieldOptions) throws {
        if part.holds(options) { value = try input.optionalInt() }
    }

    mutating func field(_ key: StaticString, _ value: inout Double, _ options: FieldOptions) throws {
        if part.holds(options) { value = try input.double() }
    }

    mutating func field(_ key: StaticString, _ value: inout Double?, _ options: FieldOptions) throws {
        if part.holds(options) { value = try input.bool() ? try input.double() : nil }
    }

    mutating func field(_ key: StaticString, _ value: inout Bool, _ options: FieldOptions) throws {
        if part.holds(options) { value = try input.bool() }
    }

    mutating func field(_ key: StaticString, _ value: inout [String], _ options: FieldOptions) throws {
        guard part.holds(options) else { return }
        let count = try input.count()
        var elements: [String] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try input.string()) }
        value = elements
    }

    mutating func field(_ key: StaticString, _ value: inout [String: Int], _ options: FieldOptions) throws {
        guard part.holds(options) else { return }
        let count = try input.count()
        var map: [String: Int] = [:]
        map.reserveCapacity(count)
        for _ in 0..<count {
            let name = try input.string()
            map[name] = try input.int()
        }
        value = map
    }

    mutating func field<Value: ModelEnum>(_ key: StaticString, _ value: inout Value, _ options: FieldOptions) throws {
        if part.holds(options) { value = try input.raw(Value.self) }
    }

    mutating func field<Value: ModelEnum>(_ key: StaticString, _ value: inout Value?, _ options: FieldOptions) throws {
        if part.holds(options) { value = try input.bool() ? try input.raw(Value.self) : nil }
    }

    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout Value, _ options: FieldOptions) throws {
        guard let inner = part.nested(options) else { return }
        try nested(inner) { try value.fields(&$0) }
    }

    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout Value?, _ options: FieldOptions) throws {
        guard let inner = part.nested(options) else { return }
        if inner != .details { value = try input.bool() ? Value() : nil }
        guard value != nil else { return }
        try nested(inner) { try value?.fields(&$0) }
    }

    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout [Value], _ options: FieldOptions) throws {
        guard part.holds(options) else { return }
        let count = try input.count()
        var elements: [Value] = []
        elements.reserveCapacity(count)
        try nested(.whole) {
            for _ in 0..<count {
                var element = Value()
                try element.fields(&$0)
                elements.append(element)
            }
        }
        value = elements
    }

    mutating func exported<Value: ModelFields>(_ key: StaticString, _ value: Value) {}

    mutating func exported(_ key: StaticString, _ value: Bool) {}

    mutating func field(_ key: StaticString, _ value: inout ProactiveTable?, _ options: FieldOptions) throws {
        try table(&value, header: { ProactiveTable(format: try $0.raw(ReportFormat.self), line: try $0.optionalInt()) },
                  rows: { $1.rows = try $0.rows(ProactiveItem.self, ProactiveColumn.self) })
    }

    mutating func field(_ key: StaticString, _ value: inout ApplicationTable?, _ options: FieldOptions) throws {
        try table(&value, header: { ApplicationTable(otherHandling: try $0.raw(ApplicationTable.OtherHandlingLayout.self), line: try $0.optionalInt()) },
                  rows: { $1.rows = try $0.rows(ApplicationRow.self, ApplicantColumn.self) })
    }

    mutating func field(_ key: StaticString, _ value: inout ReviewTable?, _ options: FieldOptions) throws {
        try table(&value, header: { ReviewTable(line: try $0.optionalInt()) },
                  rows: { $1.groups = try $0.rows(ReviewGroup.self, ReviewColumn.self) })
    }

    private mutating func table<Table>(
        _ table: inout Table?, header: (inout BinaryReader) throws -> Table, rows: (inout BinaryReader, inout Table) throws -> Void
    ) throws {
        if part != .details { table = try input.bool() ? try header(&input) : nil }
        guard part != .summary, var whole = table else { return }
        table = nil
        try rows(&input, &whole)
        table = whole
    }

    private mutating func nested(_ inner: BinaryPart, _ body: (inout BinaryFieldReader) throws -> Void) throws {
        let outer = part
        part = inner
        defer { part = outer }
        try body(&self)
    }
}
