/// Splits a run of digits whose cells ran together (`801000081`) into a given number of
/// cells, listing every split the caller's arithmetic accepts. Whitespace inside the run is a
/// forced boundary, `-` starts a (negative) number, and no cell has a leading zero.
enum DigitSplitter {
    /// The outcome of a search.
    enum Result: Equatable {
        case splits([[Double]])
        /// Too many possibilities to enumerate within the bound.
        case tooMany
    }

    static let maxCandidates = 32
    static let maxSteps = 20_000
    /// Counts of applications and cases never run past seven digits.
    static let maxCountLength = 7

    /// `maxCellLength` bounds the characters of one cell, which keeps the search small.
    static func split(_ blob: String, into parts: Int, maxCellLength: Int = 16, accept: ([Double]) -> Bool) -> Result {
        let folded = LabelText.mayFold(blob) ? LabelText.halfWidth(blob) : blob
        // The runs come from digit cells: ASCII, where each byte is a Character (no CR to join LF).
        if folded.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return split(segments: asciiSegments(folded), into: parts, maxCellLength: maxCellLength, value: Self.value, accept: accept)
        }
        return split(segments: segmentsOf(blob), into: parts, maxCellLength: maxCellLength, value: Self.value, accept: accept)
    }

    private static func split<Unit>(
        segments: [[Unit]], into parts: Int, maxCellLength: Int, value: @escaping (ArraySlice<Unit>) -> Double?, accept: ([Double]) -> Bool
    ) -> Result {
        let totalChars = segments.reduce(0) { $0 + $1.count }
        guard parts > 0, segments.count <= parts, totalChars >= parts, totalChars <= parts * maxCellLength else { return .splits([]) }
        return withoutActuallyEscaping(accept) { accept in
            var search = Search(segments: segments, parts: parts, maxCellLength: maxCellLength, value: value, accept: accept)
            search.run(segment: 0, offset: 0)
            return search.gaveUp ? .tooMany : .splits(search.found)
        }
    }

    /// The blob cut at forced boundaries.
    static func segmentsOf(_ blob: String) -> [[Character]] {
        var segments: [[Character]] = []
        var current: [Character] = []
        for char in LabelText.halfWidth(blob) {
            if char.isWhitespace || char == "-" {
                if !current.isEmpty { segments.append(current) }
                current = char == "-" ? ["-"] : []
            } else {
                current.append(char)
            }
        }
        if !current.isEmpty { segments.append(current) }
        return segments
    }

    /// `segmentsOf` of ASCII text, on bytes (ASCII whitespace: tab…CR and space).
    static func asciiSegments(_ blob: String) -> [[UInt8]] {
        var segments: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in blob.utf8 {
            if (0x09...0x0D).contains(byte) || byte == 0x20 || byte == UInt8(ascii: "-") {
                if !current.isEmpty { segments.append(current) }
                current = byte == UInt8(ascii: "-") ? [byte] : []
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { segments.append(current) }
        return segments
    }

    /// A cell's value: ASCII digits without a leading zero, up to 15 of them, directly (exact in
    /// a Double, as `Double(token)` gives it); anything else through `TableNumber`.
    static func value(_ bytes: ArraySlice<UInt8>) -> Double? {
        if bytes.count <= 15, bytes.count == 1 || bytes.first != UInt8(ascii: "0") {
            var value = 0
            var plain = true
            for byte in bytes {
                guard TableNumber.isDigit(byte) else { plain = false; break }
                value = value * 10 + Int(byte - 48)
            }
            if plain { return Double(value) }
        }
        let token = String(decoding: bytes, as: UTF8.self)
        return TableNumber.isPrintable(token) ? Double(token) : nil
    }

    /// `value` of a cell of Characters.
    static func value(_ chars: ArraySlice<Character>) -> Double? {
        if chars.count <= 15, chars.count == 1 || chars.first != "0" {
            var value = 0
            var plain = true
            for char in chars {
                guard let ascii = char.asciiValue, ascii >= 48, ascii <= 57 else { plain = false; break }
                value = value * 10 + Int(ascii - 48)
            }
            if plain { return Double(value) }
        }
        let token = String(chars)
        return TableNumber.isPrintable(token) ? Double(token) : nil
    }

    private struct Search<Unit> {
        let segments: [[Unit]]
        let parts: Int
        let maxCellLength: Int
        let value: (ArraySlice<Unit>) -> Double?
        let accept: ([Double]) -> Bool
        var chosen: [Double] = []
        var found: [[Double]] = []
        var steps = 0
        var gaveUp = false

        /// Characters in the segments after each one.
        let charsAfter: [Int]
        /// Where each segment's cells start in `cellValues`.
        let cellBase: [Int]
        /// The value of each cell tried, at `cellBase[segment] + offset * maxCellLength + length − 1`
        /// (inner nil: not a printable number; outer nil: not tried yet): the search visits the same
        /// cells many times.
        var cellValues: [Double??]

        init(segments: [[Unit]], parts: Int, maxCellLength: Int, value: @escaping (ArraySlice<Unit>) -> Double?, accept: @escaping ([Double]) -> Bool) {
            self.segments = segments
            self.parts = parts
            self.maxCellLength = maxCellLength
            self.value = value
            self.accept = accept
            var after = [Int](repeating: 0, count: segments.count)
            var total = 0
            for index in segments.indices.reversed() {
                after[index] = total
                total += segments[index].count
            }
            charsAfter = after
            var base: [Int] = []
            var size = 0
            for segment in segments {
                base.append(size)
                size += segment.count * maxCellLength
            }
            cellBase = base
            cellValues = [Double??](repeating: nil, count: size)
            chosen.reserveCapacity(parts)
        }

        /// Characters left from (segment, offset) on, and segments not yet started after it.
        private func remaining(segment: Int, offset: Int) -> (chars: Int, segments: Int) {
            (segments[segment].count - offset + charsAfter[segment], segments.count - segment - 1)
        }

        private mutating func cellValue(segment: Int, offset: Int, end: Int) -> Double? {
            let slot = cellBase[segment] + offset * maxCellLength + end - offset - 1
            if let known = cellValues[slot] { return known }
            let result = value(segments[segment][offset..<end])
            cellValues[slot] = .some(result)
            return result
        }

        mutating func run(segment: Int, offset: Int) {
            if gaveUp { return }
            steps += 1
            if steps > DigitSplitter.maxSteps || found.count > DigitSplitter.maxCandidates {
                gaveUp = true
                return
            }
            guard segment < segments.count else {
                if chosen.count == parts, accept(chosen) { found.append(chosen) }
                return
            }
            let chars = segments[segment]
            let partsLeft = parts - chosen.count
            let left = remaining(segment: segment, offset: offset)
            // Each later segment needs a cell; no cell can be empty.
            guard partsLeft >= left.segments + 1, partsLeft <= left.chars, left.chars <= partsLeft * maxCellLength else { return }
            for end in (offset + 1)...min(chars.count, offset + maxCellLength) {
                guard let value = cellValue(segment: segment, offset: offset, end: end) else { continue }
                chosen.append(value)
                if end == chars.count {
                    run(segment: segment + 1, offset: 0)
                } else {
                    run(segment: segment, offset: end)
                }
                chosen.removeLast()
                if gaveUp { return }
            }
        }
    }
}
