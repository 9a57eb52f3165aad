/// `Decodable` derived from a model type's field declaration (`ModelFields`): reads the export's
/// JSON back (tests, tools). A key that is missing leaves the field blank (older exports lack some).
struct FieldDecoder: FieldVisitor {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: StaticString) { stringValue = name.description }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    let container: KeyedDecodingContainer<Key>

    init(_ container: KeyedDecodingContainer<Key>) { self.container = container }

    /// Whether the key holds a value that is not null.
    private func has(_ key: StaticString, _ options: FieldOptions) throws -> Bool {
        guard !options.contains(.cacheOnly), container.contains(Key(key)) else { return false }
        return try !container.decodeNil(forKey: Key(key))
    }

    private func read<Value: Decodable>(_ key: StaticString, _ options: FieldOptions) throws -> Value? {
        try has(key, options) ? try container.decode(Value.self, forKey: Key(key)) : nil
    }

    mutating func field(_ key: StaticString, _ value: inout String, _ options: FieldOptions) throws {
        if let read: String = try read(key, options) { value = read }
    }

    mutating func field(_ key: StaticString, _ value: inout String?, _ options: FieldOptions) throws { value = try read(key, options) }

    mutating func field(_ key: StaticString, _ value: inout Int, _ options: FieldOptions) throws {
        if let read: Int = try read(key, options) { value = read }
    }

    mutating func field(_ key: StaticString, _ value: inout Int?, _ options: FieldOptions) throws { value = try read(key, options) }

    mutating func field(_ key: StaticString, _ value: inout Double, _ options: FieldOptions) throws {
        if let read: Double = try read(key, options) { value = read }
    }

    mutating func field(_ key: StaticString, _ value: inout Double?, _ options: FieldOptions) throws { value = try read(key, options) }

    mutating func field(_ key: StaticString, _ value: inout Bool, _ options: FieldOptions) throws {
        if let read: Bool = try read(key, options) { value = read }
    }

    mutating func field(_ key: StaticString, _ value: inout [String], _ options: FieldOptions) throws {
        if let read: [String] = try read(key, options) { value = read }
    }

    mutating func field(_ key: StaticString, _ value: inout [String: Int], _ options: FieldOptions) throws {
        if let read: [String: Int] = try read(key, options) { value = read }
    }

    mutating func field<Value: ModelEnum>(_ key: StaticString, _ value: inout Value, _ options: FieldOptions) throws {
        if let read = try readEnum(Value.self, key, options) { value = read }
    }

    mutating func field<Value: ModelEnum>(_ key: StaticString, _ value: inout Value?, _ options: FieldOptions) throws {
        value = try readEnum(Value.self, key, options)
    }

    private func readEnum<Value: ModelEnum>(_ type: Value.Type, _ key: StaticString, _ options: FieldOptions) throws -> Value? {
        guard let raw: String = try read(key, options) else { return nil }
        guard let value = Value(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(forKey: Key(key), in: container, debugDescription: "unknown value \(raw)")
        }
        return value
    }

    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout Value, _ options: FieldOptions) throws {
        guard try has(key, options) else { return }
        var nested = FieldDecoder(try container.nestedContainer(keyedBy: Key.self, forKey: Key(key)))
        try value.fields(&nested)
    }

    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout Value?, _ options: FieldOptions) throws {
        guard try has(key, options) else { return value = nil }
        var read = Value()
        try field(key, &read, options)
        value = read
    }

    mutating func field<Value: ModelFields>(_ key: StaticString, _ value: inout [Value], _ options: FieldOptions) throws {
        guard try has(key, options) else { return }
        var array = try container.nestedUnkeyedContainer(forKey: Key(key))
        var elements: [Value] = []
        while !array.isAtEnd {
            var element = Value()
            var nested = FieldDecoder(try array.nestedContainer(keyedBy: Key.self))
            try element.fields(&nested)
            elements.append(element)
        }
        value = elements
    }

    mutating func exported<Value: ModelFields>(_ key: StaticString, _ value: Value) {}

    mutating func exported(_ key: StaticString, _ value: Bool) {}

    mutating func field(_ key: StaticString, _ value: inout ProactiveTable?, _ options: FieldOptions) throws { value = try read(key, options) }
    mutating func field(_ key: StaticString, _ value: inout ApplicationTable?, _ options: FieldOptions) throws { value = try read(key, options) }
    mutating func field(_ key: StaticString, _ value: inout ReviewTable?, _ options: FieldOptions) throws { value = try read(key, options) }
}

extension Report: Decodable {
    public init(from decoder: any Decoder) throws {
        self.init()
        var fields = FieldDecoder(try decoder.container(keyedBy: FieldDecoder.Key.self))
        try self.fields(&fields)
    }
}
