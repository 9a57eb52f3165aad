/// In a PDF's layout text a table row whose label wraps onto two lines comes out with the
/// numbers on a line of their own, vertically centred between the two halves of the label:
///
///     一、本年新收政府信息公
///                        1     0   0   0   0   0 1
///     开申请数量
///
/// No parser can tell which label those numbers belong to; here the halves are joined and put
/// before the numbers, which keep their columns. Only this exact shape is touched (label line,
/// numbers-only line, label line at the same indentation, all three adjacent); the two freed
/// lines are left blank so that every other line keeps its number.
enum WrappedLabelRepair {
    static func repair(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index + 2 < lines.count {
            if let merged = merge(lines[index], lines[index + 1], lines[index + 2]) {
                lines[index] = merged
                lines[index + 1] = ""
                lines[index + 2] = ""
                index += 3
            } else {
                index += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    static func merge(_ first: String, _ numbers: String, _ second: String) -> String? {
        let firstTokens = tokens(first), numberTokens = tokens(numbers), secondTokens = tokens(second)
        guard !firstTokens.isEmpty, !secondTokens.isEmpty, !numberTokens.isEmpty,
              numberTokens.allSatisfy(isNumber), !firstTokens.contains(where: isNumber), !secondTokens.contains(where: isNumber),
              indentation(first) == indentation(second), second.count <= first.count,
              !first.contains("\u{0C}"), !second.contains("\u{0C}")
        else { return nil }
        let head = first.trimmingTrailingSpaces
        let tail = String(second.drop { $0 == " " })
        let joint = (head.unicodeScalars.last.map(InlineText.isCJK) ?? false) && (tail.unicodeScalars.first.map(InlineText.isCJK) ?? false) ? "" : " "
        let label = head + joint + tail
        let numbersColumn = indentation(numbers)
        let gap = label.count + 2 <= numbersColumn ? numbersColumn - label.count : 2
        return label + String(repeating: " ", count: gap) + String(numbers.dropFirst(numbersColumn))
    }

    private static func tokens(_ line: String) -> [Substring] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" })
    }

    private static func isNumber(_ token: Substring) -> Bool {
        !token.isEmpty && token.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") } && token.contains(where: \.isNumber)
    }

    private static func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }
}

extension String {
    var trimmingTrailingSpaces: String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
