/// Numbers as tables print them: `0`, `21`, `7730.28`, and in 本年增/减 `-15`.
enum TableNumber {
    /// The value of a whole token, or nil when the token is not exactly one number.
    static func parse<S: StringProtocol>(_ token: S) -> Double? {
        let grouped = SimpleText.isSimple(token) ? token.utf8.contains(UInt8(ascii: ",")) : token.contains(",")
        if grouped { return parseGrouped(token) }
        guard isWellFormed(token, allowLeadingZeros: true) else { return nil }
        return Double(String(token))
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

    private static func isWellFormed<S: StringProtocol>(_ token: S, allowLeadingZeros: Bool) -> Bool {
        var body = Substring(token)
        if body.first == "-" { body = body.dropFirst() }
        guard let first = body.first, first.isASCII, first.isNumber else { return false }
        var integerDigits = 0
        var fractionDigits = 0
        var seenPoint = false
        for char in body {
            if char == "." {
                if seenPoint { return false }
                seenPoint = true
            } else if char.isASCII, char.isNumber {
                if seenPoint { fractionDigits += 1 } else { integerDigits += 1 }
            } else {
                return false
            }
        }
        if seenPoint, fractionDigits == 0 { return false }
        if !allowLeadingZeros, integerDigits > 1, first == "0" { return false }
        return true
    }
}
