/// Numbers as tables print them: `0`, `21`, `7730.28`, and in 本年增/减 `-15`.
enum TableNumber {
    /// The value of a whole token, or nil when the token is not exactly one number.
    static func parse<S: StringProtocol>(_ token: S) -> Double? {
        // Every number, grouped or not, opens with a digit or `-`: most tokens are labels.
        guard let first = token.utf8.first, isDigit(first) || first == UInt8(ascii: "-") else { return nil }
        // no comma byte, no comma Character; with one, a non-simple token is asked by Character
        let hasCommaByte = token.utf8.contains(UInt8(ascii: ","))
        let grouped = hasCommaByte && (SimpleText.isSimple(token) || token.contains(","))
        if grouped { return parseGrouped(token) }
        guard isWellFormed(token, allowLeadingZeros: true) else { return nil }
        return integerValue(token.utf8) ?? Double(token)
    }

    /// A well-formed token without a point and of at most 15 digits, read from its bytes: exactly
    /// the Double the text names (below 2^53), without making a String per cell.
    private static func integerValue<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Double? {
        let negative = bytes.first == UInt8(ascii: "-")
        let digits = negative ? bytes.dropFirst() : bytes[...]
        guard digits.count <= 15 else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return negative ? -Double(value) : Double(value)
    }

    /// `1,234.5`: thousands separators only in groups of three after the first group.
    private static func parseGrouped<S: StringProtocol>(_ token: S) -> Double? {
        let integer = token.prefix { $0 != "." }
        let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
        guard let head = groups.first, (1...3).contains(head.filter(\.isNumber).count),
              groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return parse(String(token.filter { $0 != "," }))
    }

    /// A number as it can stand in a split cell: no leading zeros on a multi-digit integer part
    /// (`05` is never printed), a decimal point only between digits.
    static func isPrintable<S: StringProtocol>(_ token: S) -> Bool {
        isWellFormed(token, allowLeadingZeros: false)
    }

    /// On UTF-8 bytes: every byte must be ASCII (a digit, `.` or the leading `-`), and where all
    /// are ASCII each byte is a Character, so this is the Character-by-Character rule.
    private static func isWellFormed<S: StringProtocol>(_ token: S, allowLeadingZeros: Bool) -> Bool {
        let bytes = token.utf8
        var index = bytes.startIndex
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") { index = bytes.index(after: index) }
        guard index < bytes.endIndex, isDigit(bytes[index]) else { return false }
        let first = bytes[index]
        var integerDigits = 0
        var fractionDigits = 0
        var seenPoint = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                if seenPoint { return false }
                seenPoint = true
            } else if isDigit(byte) {
                if seenPoint { fractionDigits += 1 } else { integerDigits += 1 }
            } else {
                return false
            }
            index = bytes.index(after: index)
        }
        if seenPoint, fractionDigits == 0 { return false }
        if !allowLeadingZeros, integerDigits > 1, first == UInt8(ascii: "0") { return false }
        return true
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
