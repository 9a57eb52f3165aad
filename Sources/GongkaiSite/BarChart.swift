/// An inline SVG bar chart with <title> and <desc>, for a figure across years. Unknown values
/// draw no bar and a "?" label, so a missing number never looks like 0.
struct BarChart {
    var title: String
    var points: [(label: String, value: Double?)]
    /// Unique in its page, ASCII (the figure's key): it names the chart's <title> and <desc>.
    var id: String
    /// What a point without a value shows instead of "?" (by index), e.g. "—" for not applicable.
    var absentLabels: [Int: String] = [:]

    private let width = 360.0, height = 200.0, left = 44.0, bottom = 28.0, top = 22.0

    var description: String {
        let values = points.indices.map { points[$0].value.map(Labels.number) ?? absentLabels[$0] ?? "无法识别" }
        return title + "：" + zip(points, values).map { "\($0.label) \($1)" }.joined(separator: "，")
    }

    var svg: String {
        let maximum = max(points.compactMap(\.value).max() ?? 0, 1)
        let slot = (width - left - 10) / Double(max(points.count, 1))
        let barWidth = min(48, slot * 0.6)
        let plotHeight = height - top - bottom
        var parts: [String] = [
            #"<svg class="bar-chart" viewBox="0 0 \#(Int(width)) \#(Int(height))" role="img" aria-labelledby="\#(id)-t \#(id)-d" xmlns="http://www.w3.org/2000/svg">"#,
            #"<title id="\#(id)-t">\#(HTML.escape(title))</title><desc id="\#(id)-d">\#(HTML.escape(description))</desc>"#,
            #"<line class="axis" x1="\#(left)" y1="\#(height - bottom)" x2="\#(width - 5)" y2="\#(height - bottom)"/>"#,
            #"<text x="\#(left - 6)" y="\#(top + 4)" text-anchor="end">\#(Labels.number(maximum))</text>"#,
            #"<text x="\#(left - 6)" y="\#(height - bottom)" text-anchor="end">0</text>"#,
        ]
        for (index, point) in points.enumerated() {
            let center = left + slot * (Double(index) + 0.5)
            parts.append(#"<text x="\#(format(center))" y="\#(height - 8)" text-anchor="middle">\#(HTML.escape(point.label))</text>"#)
            if let value = point.value {
                let barHeight = max(0, value) / maximum * plotHeight
                let y = height - bottom - barHeight
                parts.append(#"<rect class="bar" x="\#(format(center - barWidth / 2))" y="\#(format(y))" width="\#(format(barWidth))" height="\#(format(barHeight))"/>"#)
                parts.append(#"<text x="\#(format(center))" y="\#(format(y - 4))" text-anchor="middle">\#(Labels.number(value))</text>"#)
            } else {
                parts.append(#"<text class="unknown" x="\#(format(center))" y="\#(format(height - bottom - 6))" text-anchor="middle">\#(HTML.escape(absentLabels[index] ?? "?"))</text>"#)
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }



    private func format(_ value: Double) -> String { Self.oneDecimal(value) }

    /// `String(format: "%.1f", value)` without Foundation's formatter (a body page draws hundreds
    /// of coordinates): the exact binary value rounded half to even, as printf rounds it, `-` kept
    /// for a negative value that rounds to 0.
    static func oneDecimal(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return String(format: "%.1f", value) }
        let negative = value.sign == .minus
        var tenths: UInt64 = 0
        // Zero and subnormal values (below 2^-1022) print as 0.0.
        if value.isNormal {
            // |value| = significand × 2^exponent exactly, with exponent < 0 below 2^52; tenths = round(|value| × 10).
            let scaled = (UInt64(value.significandBitPattern) | 1 << 52) * 10
            let exponent = Int(value.exponent) - 52
            if exponent >= 0 {
                tenths = scaled << UInt64(exponent)
            } else if exponent > -63 {
                let shift = UInt64(-exponent)
                tenths = scaled >> shift
                let remainder = scaled & ((1 << shift) - 1), half = UInt64(1) << (shift - 1)
                if remainder > half || (remainder == half && tenths % 2 == 1) { tenths += 1 }
            }  // else below 2^-10: rounds to 0.0
        }
        return (negative ? "-" : "") + String(tenths / 10) + "." + String(tenths % 10)
    }
}
