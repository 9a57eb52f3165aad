/// A line where a whole table runs together (scraped web pages: `…数量801000081二、上年…`):
/// normalised characters without whitespace, remembering where whitespace stood, because a
/// space inside a run of digits is a cell boundary the splitter must keep.
struct StreamText {
    /// Unicode scalars, not Characters: comparing scalars is much cheaper, and the labels and
    /// digits matched here are all single scalars.
    let chars: [Unicode.Scalar]
    let spaceBefore: [Bool]

    init(_ text: String) {
        var chars: [Unicode.Scalar] = []
        var spaceBefore: [Bool] = []
        // at most one scalar per byte; a run-together page is one long line
        chars.reserveCapacity(text.utf8.count)
        spaceBefore.reserveCapacity(text.utf8.count)
        var sawSpace = false
        for scalar in text.unicodeScalars {
            let char = LabelText.halfWidth(scalar)
            // the property, decided without its look-up for ASCII and most ideographs
            if LabelText.isWhitespace(char) {
                sawSpace = true
                continue
            }
            chars.append(char)
            spaceBefore.append(sawSpace)
            sawSpace = false
        }
        self.chars = chars
        self.spaceBefore = spaceBefore
    }

    /// The first place in `range` where `key` occurs.
    func find(_ key: String, in range: Range<Int>) -> Range<Int>? {
        let needle = Array(key.unicodeScalars)
        guard let first = needle.first, range.count >= needle.count else { return nil }
        var index = range.lowerBound
        while index + needle.count <= range.upperBound {
            if chars[index] == first, chars[index..<(index + needle.count)].elementsEqual(needle) {
                return index..<(index + needle.count)
            }
            index += 1
        }
        return nil
    }

    /// The earliest occurrence of any of `keys` in `range`.
    func findAny(_ keys: [String], in range: Range<Int>) -> Range<Int>? {
        keys.compactMap { find($0, in: range) }.min { $0.lowerBound < $1.lowerBound }
    }

    /// The last occurrence of `key` in `range`.
    func findLast(_ key: String, in range: Range<Int>) -> Range<Int>? {
        var found: Range<Int>?
        var start = range.lowerBound
        while let hit = find(key, in: start..<range.upperBound) {
            found = hit
            start = hit.lowerBound + 1
        }
        return found
    }

    /// Rows located in printed order: each row's earliest key after the previous row's.
    func locate<Row>(_ rows: [(row: Row, keys: [String])], in range: Range<Int>) -> [(row: Row, label: Range<Int>)] {
        var located: [(row: Row, label: Range<Int>)] = []
        var cursor = range.lowerBound
        for entry in rows {
            guard let hit = findAny(entry.keys, in: cursor..<range.upperBound) else { continue }
            located.append((entry.row, hit))
            cursor = hit.upperBound
        }
        return located
    }

    /// The run of digits that follows a label, before `limit`: the row's cells run together,
    /// with a space where whitespace stood. A final digit directly before `.` is the next
    /// label's numbering (`…00000003.危及…`) and is left out.
    func digitRun(after start: Int, before limit: Int) -> String? {
        var index = start
        while index < limit, !startsNumber(at: index, limit: limit) { index += 1 }
        guard index < limit else { return nil }
        var run = String.UnicodeScalarView()
        let runStart = index
        while index < limit, isRunCharacter(at: index, limit: limit) {
            if index > runStart, spaceBefore[index] { run.append(" ") }
            run.append(chars[index])
            index += 1
        }
        if index < chars.count, chars[index] == ".", let last = run.last, isASCIIDigit(last) {
            run.removeLast()
        }
        let text = String(run).trimmingSpaces()
        return text.isEmpty ? nil : text
    }

    /// The run of digits (with its spaces) that ends the text, as in a row whose cells are
    /// glued to its label.
    func trailingRun() -> String? {
        var start = chars.count
        while start > 0, isRunCharacter(at: start - 1, limit: chars.count) { start -= 1 }
        guard start < chars.count else { return nil }
        var run = String.UnicodeScalarView()
        for index in start..<chars.count {
            if index > start, spaceBefore[index] { run.append(" ") }
            run.append(chars[index])
        }
        return String(run)
    }

    private func isDigit(_ index: Int, limit: Int) -> Bool {
        index < limit && isASCIIDigit(chars[index])
    }

    func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    private func startsNumber(at index: Int, limit: Int) -> Bool {
        isDigit(index, limit: limit) || (chars[index] == "-" && isDigit(index + 1, limit: limit))
    }

    private func isRunCharacter(at index: Int, limit: Int) -> Bool {
        if isDigit(index, limit: limit) { return true }
        if chars[index] == "-" { return isDigit(index + 1, limit: limit) }
        if chars[index] == "." { return index > 0 && isASCIIDigit(chars[index - 1]) && isDigit(index + 1, limit: limit) }
        return false
    }
}

extension String {
    /// Without leading and trailing spaces; on bytes (a run is ASCII, where a byte is a Character).
    fileprivate func trimmingSpaces() -> String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") }),
              let last = bytes.lastIndex(where: { $0 != UInt8(ascii: " ") }) else { return "" }
        return String(Substring(bytes[first...last]))
    }
}
