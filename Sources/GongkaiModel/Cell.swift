/// One cell of a mandated table: a number, text printed in the cell (such as "/" or "无"),
/// or unknown (missing, illegible, unreadable). Never a guessed 0.
public enum Cell: Hashable, Sendable {
    case number(Double)
    case text(String)
    case unknown

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var isUnknown: Bool { self == .unknown }

    /// The number as a report prints it: whole numbers without a decimal point.
    public var display: String {
        switch self {
        case .number(let value): return Cell.format(value)
        case .text(let text): return text
        case .unknown: return "?"
        }
    }

    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

extension Cell: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .unknown
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

}
