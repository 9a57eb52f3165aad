import GongkaiModel

/// Writes one part (`BinaryPart`) of a model value's fields in the build cache's binary form.
struct BinaryFieldWriter: FieldVisitor {
    var out = BinaryWriter()
    var part: BinaryPart

    init(part: BinaryPart) { self.part = part }

    mutating func field(_ key: StaticString, _ value: inout String, _ options: FieldOptions) {
        if part.holds(options) { out.string(value) }
    }

    mutating func field(_ key: StaticString, _ value: inout String?, _ options: FieldOptions) {
        if part.holds(options) { out.string(value) }
    }

    mutating func field(_ key: StaticString, _ value: inout Int, _ options: FieldOptions) {
        if part.holds(options) { out.int(value) }
    }

    mutating func field(_ key: StaticString, _ value: inout Int?, _ options: FieldOptions) {
        if part.holds(options) { out.int(value) }
    }

    mutating func field(_ key: StaticString, _ value: inout Double, _ options: FieldOptions) {
        if part.holds(options) { out.double(value) }
    }

    mutating func field(_ key: StaticString, _ value: inout Double?, _ options: FieldOptions) {
        guard part.holds(options) else { return }
        out.bool(value != nil)
        if let value { out.double(value) }
    }

    mutating func field(_ key: StaticString, _ value: inout Bool, _ options: FieldOptions) {
        if part.holds(options) { out.bool(value) }
    }

    mutating func field(_ key: StaticString, _ value: inout [String], _ options: FieldOptions) {
        guard part.holds(options) else { return }
        out.int(value.count)
        for element in value { out.string(element) }
    }

    mutating func field(_ key: StaticString, _ value: inout [String: Int], _ options: FieldOptions) {
        guard part.holds(options) else { return }
        out.int(value.count)
        for (name, number) in value.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            out.string(name)
            out.int(number)
        }
    }

    mutating func field<Value: ModelEnum>(_ key: StaticString, _ value: inout Value, _ options: FieldOptions) {
        if part.holds(options) { out.raw(value) }
    }

    mutating func field<Value: ModelEnum>(_ key: StaticString, _ value: inout Value?, _ options: FieldOptions) {
        if part.holds(options) { out.string(value?.rawValue) }
    }

    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout Value, _ options: FieldOptions) {
        guard let inner = part.nested(options) else { return }
        nested(inner) { try value.fields(&$0) }
    }

    /// Summary and whole: a presence byte, then the value's fields; details: the fields of a
    /// value that the summary says is there.
    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout Value?, _ options: FieldOptions) {
        guard let inner = part.nested(options) else { return }
        if inner != .details { out.bool(value != nil) }
        guard value != nil else { return }
        nested(inner) { try value?.fields(&$0) }
    }

    /// The count, then each element whole.
    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout [Value], _ options: FieldOptions) {
        guard part.holds(options) else { return }
        out.int(value.count)
        nested(.whole) {
            for element in value {
                var element = element
                try element.fields(&$0)
            }
        }
    }

    mutating func exported<Value: ModelFields>(_ key: StaticString, _ value: Value) {}

    mutating func exported(_ key: StaticString, _ value: Bool) {}

    /// A table's header in the summary (after its presence byte), its rows in the details.
    mutating func field(_ key: StaticString, _ value: inout ProactiveTable?, _ options: FieldOptions) {
        table(value, header: { $0.raw($1.format); $0.int($1.line) }, rows: { $0.rows($1.rows) })
    }

    mutating func field(_ key: StaticString, _ value: inout ApplicationTable?, _ options: FieldOptions) {
        table(value, header: { $0.raw($1.otherHandling); $0.int($1.line) }, rows: { $0.rows($1.rows) })
    }

    mutating func field(_ key: StaticString, _ value: inout ReviewTable?, _ options: FieldOptions) {
        table(value, header: { $0.int($1.line) }, rows: { $0.rows($1.groups) })
    }

    private mutating func table<Table>(_ table: Table?, header: (inout BinaryWriter, Table) -> Void, rows: (inout BinaryWriter, Table) -> Void) {
        if part != .details { out.bool(table != nil) }
        guard let table else { return }
        if part != .details { header(&out, table) }
        if part != .summary { rows(&out, table) }
    }

    private mutating func nested(_ inner: BinaryPart, _ body: (inout BinaryFieldWriter) throws -> Void) {
        let outer = part
        part = inner
        try? body(&self)
        part = outer
    }
}
