/// A case-only enum with a String raw value, hashed by its case rather than by its raw value.
/// The standard library's default for `RawRepresentable` hashes the whole raw string — for the
/// table labels here a long Chinese row title — on every dictionary lookup of a table cell,
/// rule or score part; hashing the case's tag is the same equality at a fraction of the cost.
/// Hash values are per process anyway, so nothing written depends on which one is used.
public protocol CaseHashable: Hashable, RawRepresentable where RawValue == String {}

extension CaseHashable {
    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: self) { hasher.combine(bytes: $0) }
    }
}
