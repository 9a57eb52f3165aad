/// A straight ruling line found in a page image: `position` is its y (horizontal) or x (vertical),
/// `start ..< end` its extent along the line.
struct RuleSegment: Sendable, Hashable {
    var position: Int
    var start: Int
    var end: Int
}

/// The ruling lines of a page: dark runs far longer than any stroke of a character.
struct RulingLines: Sendable {
    let width: Int
    let height: Int
    let horizontal: [RuleSegment]
    let vertical: [RuleSegment]
    /// Pixels that belong to a long horizontal / vertical run, used to test whether a rule
    /// separates two grid cells (a missing segment means they are one merged cell).
    let horizontalMask: [Bool]
    let verticalMask: [Bool]

    /// Finds the rules of `image` rendered at `dpi`.
    init(image: GrayImage, dpi: Int) {
        width = image.width
        height = image.height
        let (width, height) = (image.width, image.height)
        let pixels = image.pixels
        // A rule pixel is clearly darker than the paper on both sides of the line: thin rules
        // printed gray are found, and shaded cells (uniformly gray) are not taken for rules.
        let offset = max(3, dpi / 60), contrast = 35
        func ruleAcross(_ index: Int, _ step: Int) -> Bool {
            let value = Int(pixels[index])
            return value + contrast <= Int(pixels[index - step]) && value + contrast <= Int(pixels[index + step])
        }
        func horizontalDark(_ y: Int, _ x: Int) -> Bool {
            y >= offset && y < height - offset && ruleAcross(y * width + x, offset * width)
        }
        func verticalDark(_ x: Int, _ y: Int) -> Bool {
            x >= offset && x < width - offset && ruleAcross(y * width + x, offset)
        }
        // A horizontal rule is at least a quarter inch; a vertical one a fifth (one table row),
        // longer than the tallest character stroke at report font sizes.
        let horizontalRuns = Self.runs(lines: height, length: width, minimum: dpi / 4, isDark: horizontalDark)
        let verticalRuns = Self.runs(lines: width, length: height, minimum: dpi / 5, isDark: verticalDark)
        var horizontalMask = [Bool](repeating: false, count: width * height)
        for run in horizontalRuns { for x in run.start ..< run.end { horizontalMask[run.position * width + x] = true } }
        var verticalMask = [Bool](repeating: false, count: width * height)
        for run in verticalRuns { for y in run.start ..< run.end { verticalMask[y * width + run.position] = true } }
        self.horizontalMask = horizontalMask
        self.verticalMask = verticalMask
        let thickest = max(3, dpi / 25)
        horizontal = Self.segments(from: horizontalRuns, thickest: thickest)
        vertical = Self.segments(from: verticalRuns, thickest: thickest)
    }

    func isHorizontalRule(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height && horizontalMask[y * width + x]
    }

    func isVerticalRule(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height && verticalMask[y * width + x]
    }

    /// Dark runs at least `minimum` long on each line, bridging gaps of one or two pixels (scan noise).
    private static func runs(lines: Int, length: Int, minimum: Int, isDark: (Int, Int) -> Bool) -> [RuleSegment] {
        var found: [RuleSegment] = []
        for line in 0 ..< lines {
            var index = 0
            while index < length {
                guard isDark(line, index) else { index += 1; continue }
                let start = index
                var end = index + 1
                var probe = end
                while probe < length, probe - end <= 2 {
                    if isDark(line, probe) { end = probe + 1 }
                    probe += 1
                }
                if end - start >= minimum { found.append(RuleSegment(position: line, start: start, end: end)) }
                index = max(end, index + 1)
            }
        }
        return found
    }

    /// Joins runs on adjacent lines that overlap into one rule, placed at its middle line;
    /// drops bands thicker than a rule (filled boxes, large black glyphs).
    private static func segments(from runs: [RuleSegment], thickest: Int) -> [RuleSegment] {
        struct Open { var first: Int; var last: Int; var start: Int; var end: Int }
        var open: [Open] = []
        var closed: [Open] = []
        for run in runs {
            var merged = false
            for index in open.indices where open[index].last >= run.position - 1 && open[index].last < run.position {
                let overlap = min(open[index].end, run.end) - max(open[index].start, run.start)
                if overlap * 2 >= min(open[index].end - open[index].start, run.end - run.start) {
                    open[index].last = run.position
                    open[index].start = min(open[index].start, run.start)
                    open[index].end = max(open[index].end, run.end)
                    merged = true
                    break
                }
            }
            if !merged { open.append(Open(first: run.position, last: run.position, start: run.start, end: run.end)) }
            closed += open.filter { $0.last < run.position - 1 }
            open.removeAll { $0.last < run.position - 1 }
        }
        return (closed + open)
            .filter { $0.last - $0.first + 1 <= thickest }
            .map { RuleSegment(position: ($0.first + $0.last) / 2, start: $0.start, end: $0.end) }
    }
}
