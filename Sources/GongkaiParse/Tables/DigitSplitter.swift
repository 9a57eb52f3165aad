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
        let segments = segmentsOf(blob)
        let totalChars = segments.reduce(0) { $0 + $1.count }
        guard parts > 0, segments.count <= parts, totalChars >= parts, totalChars <= parts * maxCellLength else { return .splits([]) }
        return withoutActuallyEscaping(accept) { accept in
            var search = Search(segments: segments, parts: parts, maxCellLength: maxCellLength, accept: accept)
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

    private struct Search {
        let segments: [[Character]]
        let parts: Int
        let maxCellLength: Int
        let accept: ([Double]) -> Bool
        var chosen: [Double] = []
        var found: [[Double]] = []
        var steps = 0
        var gaveUp = false

        /// The value of each cell tried, by segment, offset and length − 1 (inner nil: not a printable
        /// number; outer nil: not tried yet): the search visits the same cells many times.
        var cellValues: [[[Double??]]]

        init(segments: [[Character]], parts: Int, maxCellLength: Int, accept: @escaping ([Double]) -> Bool) {
            self.segments = segments
            self.parts = parts
            self.maxCellLength = maxCellLength
            self.accept = accept
            cellValues = segments.map { chars in [[Double??]](repeating: [Double??](repeating: nil, count: maxCellLength), count: chars.count) }
        }

        /// Characters left from (segment, offset) on, and segments not yet started after it.
        private func remaining(segment: Int, offset: Int) -> (chars: Int, segments: Int) {
            var chars = segments[segment].count - offset
            for later in segments.indices where later > segment { chars += segments[later].count }
            return (chars, segments.count - segment - 1)
        }

        private mutating func cellValue(segment: Int, offset: Int, end: Int) -> Double? {
            if let known = cellValues[segment][offset][end - offset - 1] { return known }
            let chars = segments[segment][offset..<end]
            let value = Self.plainCount(chars) ?? {
                let token = String(chars)
                return TableNumber.isPrintable(token) ? Double(token) : nil
            }()
            cellValues[segment][offset][end - offset - 1] = .some(value)
            return value
        }

        /// The value of ASCII digits without a leading zero, up to 15 of them (exact in a Double,
        /// as `Double(token)` gives it); nil for anything else, which goes the general way.
        private static func plainCount(_ chars: ArraySlice<Character>) -> Double? {
            guard chars.count <= 15, chars.count == 1 || chars.first != "0" else { return nil }
            var value = 0
            for char in chars {
                guard let ascii = char.asciiValue, ascii >= 48, ascii <= 57 else { return nil }
                value = value * 10 + Int(ascii - 48)
            }
            return Double(value)
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
