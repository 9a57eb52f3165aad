import GongkaiModel

/// A report as the export's JSON (keys fixed by ../shared/spec/data-model.md), sorted keys:
/// compact for data/reports.json, indented for `gongkai parse`. Written by walking the model's
/// own declaration of its fields (`ModelFields`), so a field added to the model is exported
/// without a line here.
public enum ReportJSON {
    static func bytes(_ report: Report) -> [UInt8] {
        var writer = JSONFieldWriter(JSONWriter(capacity: 4096 + report.sections.reduce(0) { $0 + $1.text.utf8.count } * 11 / 10))
        writer.value(report)
        return writer.json.bytes
    }

    /// Reports as one JSON array, indented as JSONEncoder's `.prettyPrinted` (or compact), with a
    /// final newline.
    public static func array(_ reports: [Report], pretty: Bool) -> [UInt8] {
        var writer = JSONFieldWriter(JSONWriter(capacity: reports.count * 32_768, pretty: pretty))
        writer.json.beginArray()
        for report in reports {
            writer.json.element()
            writer.value(report)
        }
        writer.json.endArray()
        return writer.json.bytes + [UInt8(ascii: "\n")]
    }
}

/// Writes a model value's fields as a JSON object, in its declaration's (sorted) order.
struct JSONFieldWriter: FieldVisitor {
    var json: JSONWriter

    init(_ json: JSONWriter) { self.json = json }

    mutating func value<Value: ModelFields>(_ value: Value) {
        var value = value
        json.beginObject()
        try? value.fields(&self)
        json.endObject()
    }

    /// The key, unless the field is not exported or is nil and left out when nil.
    private mutating func key(_ key: StaticString, _ options: FieldOptions, isNil: Bool = false) -> Bool {
        if options.contains(.cacheOnly) || isNil && options.contains(.omitNil) { return false }
        json.key(key)
        return true
    }

    mutating func field(_ key: StaticString, _ value: inout String, _ options: FieldOptions) {
        if self.key(key, options) { json.string(value) }
    }

    mutating func field(_ key: StaticString, _ value: inout String?, _ options: FieldOptions) {
        if self.key(key, options, isNil: value == nil) { json.string(value) }
    }

    mutating func field(_ key: StaticString, _ value: inout Int, _ options: FieldOptions) {
        if self.key(key, options) { json.int(value) }
    }

    mutating func field(_ key: StaticString, _ value: inout Int?, _ options: FieldOptions) {
        if self.key(key, options, isNil: value == nil) { json.int(value) }
    }

    mutating func field(_ key: StaticString, _ value: inout Double, _ options: FieldOptions) {
        if self.key(key, options) { json.double(value) }
    }

    mutating func field(_ key: StaticString, _ value: inout Double?, _ options: FieldOptions) {
        if self.key(key, options, isNil: value == nil) { json.double(value) }
    }

    mutating func field(_ key: StaticString, _ value: inout Bool, _ options: FieldOptions) {
        if self.key(key, options) { json.bool(value) }
    }

    mutating func field(_ key: StaticString, _ value: inout [String], _ options: FieldOptions) {
        if self.key(key, options) { json.array(value) { $0.string($1) } }
    }

    mutating func field(_ key: StaticString, _ value: inout [String: Int], _ options: FieldOptions) {
        guard self.key(key, options) else { return }
        json.beginObject()
        for (name, number) in value.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            json.key(name)
            json.int(number)
        }
        json.endObject()
    }

    mutating func field<Value: ModelEnum>(_ key: StaticString, _ value: inout Value, _ options: FieldOptions) {
        if self.key(key, options) { json.string(value.rawValue) }
    }

    mutating func field<Value: ModelEnum>(_ key: StaticString, _ value: inout Value?, _ options: FieldOptions) {
        if self.key(key, options, isNil: value == nil) { json.string(value?.rawValue) }
    }

    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout Value, _ options: FieldOptions) {
        if self.key(key, options) { self.value(value) }
    }

    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout Value?, _ options: FieldOptions) {
        guard self.key(key, options, isNil: value == nil) else { return }
        if let value { self.value(value) } else { json.null() }
    }

    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout [Value], _ options: FieldOptions) {
        guard self.key(key, options) else { return }
        json.beginArray()
        for element in value {
            json.element()
            self.value(element)
        }
        json.endArray()
    }

    mutating func exported<Value: ModelFields>(_ key: StaticString, _ value: Value) {
        json.key(key)
        self.value(value)
    }

    mutating func exported(_ key: StaticString, _ value: Bool) {
        json.key(key)
        json.bool(value)
    }

    mutating func field(_ key: StaticString, _ value: inout ProactiveTable?, _ options: FieldOptions) {
        guard self.key(key, options, isNil: value == nil) else { return }
        if let value { TableJSON.proactive(value, &json) } else { json.null() }
    }

    mutating func field(_ key: StaticString, _ value: inout ApplicationTable?, _ options: FieldOptions) {
        guard self.key(key, options, isNil: value == nil) else { return }
        if let value { TableJSON.applications(value, &json) } else { json.null() }
    }

    mutating func field(_ key: StaticString, _ value: inout ReviewTable?, _ options: FieldOptions) {
        guard self.key(key, options, isNil: value == nil) else { return }
        if let value { TableJSON.reviews(value, &json) } else { json.null() }
    }
}
