/// The one declaration of a model type's fields, from which every coding of the model is derived:
/// the site's JSON export (and `gongkai parse`), the build cache's binary form, and JSON decoding.
/// A type lists each stored field once, by its export key, in the keys' byte order, and hands it
/// to a visitor by `inout`: a writer reads it, a reader fills it in. A new field is a new line in
/// `fields(_:)`; no coder names it. The model knows nothing of the byte formats.
public protocol ModelFields {
    /// A blank value that a reader fills in field by field.
    init()
    /// Hands every field to `visitor`, in the byte order of the keys.
    mutating func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) throws
}

/// How a field is coded beyond its key and type.
public struct FieldOptions: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The export leaves the key out when the value is nil (otherwise it is `null`).
    public static let omitNil = FieldOptions(rawValue: 1)
    /// Part of a report's details: what only its own pages need (sections, table rows, score
    /// parts…). The build cache keeps them apart from the summary that every rebuild reads.
    /// Details inside the elements of an array are not split off.
    public static let details = FieldOptions(rawValue: 2)
    /// Kept in the build cache but not exported (the report's full text).
    public static let cacheOnly = FieldOptions(rawValue: 4)
}

/// An enum coded by its raw string.
public protocol ModelEnum: RawRepresentable, Sendable where RawValue == String {}

/// What walks a model value's fields: a writer or a reader of one format.
public protocol FieldVisitor {
    mutating func field(_ key: StaticString, _ value: inout String, _ options: FieldOptions) throws
    mutating func field(_ key: StaticString, _ value: inout String?, _ options: FieldOptions) throws
    mutating func field(_ key: StaticString, _ value: inout Int, _ options: FieldOptions) throws
    mutating func field(_ key: StaticString, _ value: inout Int?, _ options: FieldOptions) throws
    mutating func field(_ key: StaticString, _ value: inout Double, _ options: FieldOptions) throws
    mutating func field(_ key: StaticString, _ value: inout Double?, _ options: FieldOptions) throws
    mutating func field(_ key: StaticString, _ value: inout Bool, _ options: FieldOptions) throws
    mutating func field(_ key: StaticString, _ value: inout [String], _ options: FieldOptions) throws
    /// A map whose keys the writers put in byte order.
    mutating func field(_ key: StaticString, _ value: inout [String: Int], _ options: FieldOptions) throws
    mutating func field<Value: ModelEnum>(_ key: StaticString, _ value: inout Value, _ options: FieldOptions) throws
    mutating func field<Value: ModelEnum>(_ key: StaticString, _ value: inout Value?, _ options: FieldOptions) throws
    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout Value, _ options: FieldOptions) throws
    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout Value?, _ options: FieldOptions) throws
    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout [Value], _ options: FieldOptions) throws
    /// The three mandated tables, whose shapes the national format fixes (rows and columns by
    /// layout); each coder writes them by their labels' tables.
    mutating func field(_ key: StaticString, _ value: inout ProactiveTable?, _ options: FieldOptions) throws
    mutating func field(_ key: StaticString, _ value: inout ApplicationTable?, _ options: FieldOptions) throws
    mutating func field(_ key: StaticString, _ value: inout ReviewTable?, _ options: FieldOptions) throws
    /// A value the export shows that is derived from the stored fields (not read back, not cached).
    mutating func exported<Value: ModelFields>(_ key: StaticString, _ value: Value) throws
    mutating func exported(_ key: StaticString, _ value: Bool) throws
}

extension FieldVisitor {
    @inlinable public mutating func field(_ key: StaticString, _ value: inout String) throws { try field(key, &value, []) }
    @inlinable public mutating func field(_ key: StaticString, _ value: inout String?) throws { try field(key, &value, []) }
    @inlinable public mutating func field(_ key: StaticString, _ value: inout Int) throws { try field(key, &value, []) }
    @inlinable public mutating func field(_ key: StaticString, _ value: inout Int?) throws { try field(key, &value, []) }
    @inlinable public mutating func field(_ key: StaticString, _ value: inout Double) throws { try field(key, &value, []) }
    @inlinable public mutating func field(_ key: StaticString, _ value: inout Bool) throws { try field(key, &value, []) }
    @inlinable public mutating func field(_ key: StaticString, _ value: inout [String]) throws { try field(key, &value, []) }
    @inlinable public mutating func field<Value: ModelEnum>(_ key: StaticString, _ value: inout Value) throws { try field(key, &value, []) }
    @inlinable public mutating func field<Value: ModelEnum>(_ key: StaticString, _ value: inout Value?) throws { try field(key, &value, []) }
    @inlinable public mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout Value) throws { try field(key, &value, []) }
    @inlinable public mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout Value?) throws { try field(key, &value, []) }
    @inlinable public mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout [Value]) throws { try field(key, &value, []) }
}
