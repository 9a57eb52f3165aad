import Foundation
import GongkaiModel
import Testing
@testable import GongkaiSite

/// Collects each declaration's keys, descending into every nested model type (a blank one where
/// the value is nil or the array empty).
struct KeyCollector: FieldVisitor {
    var path: String
    /// Keys by the declaration they belong to, e.g. `report.contact` → address, email…
    var keys: [String: [String]] = [:]
    var cacheOnly: [String] = []

    private mutating func note(_ key: StaticString, _ options: FieldOptions = []) {
        keys[path, default: []].append(key.description)
        if options.contains(.cacheOnly) { cacheOnly.append(key.description) }
    }

    private mutating func descend<Value: ModelFields>(_ key: StaticString, _ value: Value) {
        var value = value
        var nested = KeyCollector(path: path + "." + key.description)
        try? value.fields(&nested)
        keys.merge(nested.keys) { $0 + $1 }
    }

    mutating func field(_ key: StaticString, _ value: inout String, _ options: FieldOptions) { note(key, options) }
    mutating func field(_ key: StaticString, _ value: inout String?, _ options: FieldOptions) { note(key, options) }
    mutating func field(_ key: StaticString, _ value: inout Int, _ options: FieldOptions) { note(key, options) }
    mutating func field(_ key: StaticString, _ value: inout Int?, _ options: FieldOptions) { note(key, options) }
    mutating func field(_ key: StaticString, _ value: inout Double, _ options: FieldOptions) { note(key, options) }
    mutating func field(_ key: StaticString, _ value: inout Double?, _ options: FieldOptions) { note(key, options) }
    mutating func field(_ key: StaticString, _ value: inout Bool, _ options: FieldOptions) { note(key, options) }
    mutating func field(_ key: StaticString, _ value: inout [String], _ options: FieldOptions) { note(key, options) }
    mutating func field(_ key: StaticString, _ value: inout [String: Int], _ options: FieldOptions) { note(key, options) }
    mutating func field<Value: ModelEnum>(_ key: StaticString, _ value: inout Value, _ options: FieldOptions) { note(key, options) }
    mutating func field<Value: ModelEnum>(_ key: StaticString, _ value: inout Value?, _ options: FieldOptions) { note(key, options) }
    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout Value, _ options: FieldOptions) {
        note(key, options)
        descend(key, value)
    }
    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout Value?, _ options: FieldOptions) {
        note(key, options)
        descend(key, value ?? Value())
    }
    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout [Value], _ options: FieldOptions) {
        note(key, options)
        descend(key, value.first ?? Value())
    }
    mutating func field(_ key: StaticString, _ value: inout ProactiveTable?, _ options: FieldOptions) { note(key, options) }
    mutating func field(_ key: StaticString, _ value: inout ApplicationTable?, _ options: FieldOptions) { note(key, options) }
    mutating func field(_ key: StaticString, _ value: inout ReviewTable?, _ options: FieldOptions) { note(key, options) }
    mutating func exported<Value: ModelFields>(_ key: StaticString, _ value: Value) {
        note(key)
        descend(key, value)
    }

    mutating func exported(_ key: StaticString, _ value: Bool) { note(key) }
}

@Suite struct ModelFieldsTests {
    static func declared() -> KeyCollector {
        var collector = KeyCollector(path: "report")
        var report = Report()
        try? report.fields(&collector)
        return collector
    }

    /// The JSON writer writes keys in declaration order, so each declaration must list its keys
    /// in byte order, each once: the export's keys are sorted.
    @Test func everyDeclarationListsItsKeysInByteOrderOnce() {
        let keys = Self.declared().keys
        #expect(keys.count >= 14, "report and its nested types: \(keys.keys.sorted())")
        for (path, names) in keys {
            let sorted = names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            #expect(names == sorted && Set(names).count == names.count, "\(path): \(names)")
        }
    }

    /// The export shows every declared field but the cache's own (the text), each under its key.
    @Test func theExportHasExactlyTheDeclaredKeys() throws {
        let declared = Self.declared()
        let exported = try #require(declared.keys["report"]).filter { !declared.cacheOnly.contains($0) }
        #expect(declared.cacheOnly == ["text", "textStartLine"])
        let report = ExportJSONTests.unusual
        let object = try #require(try JSONSerialization.jsonObject(with: Data(DataExports.element(report))) as? [String: Any])
        #expect(object.keys.sorted() == exported.sorted())
        // Keys the data model (../shared/spec) names are among them.
        for key in ["id", "source", "format", "body", "website", "figures", "figureSources", "tables", "score", "lines"] {
            #expect(exported.contains(key), "\(key)")
        }
    }
}
