/// Stable finding ids, to name a finding in a review file: eight hex digits of a hash of the rule,
/// the cells involved and the English message with its digits left out, e.g. `84a10732`. So an id
/// does not change when lines shift (lines are not in it) or a value is corrected (digits are not
/// in it), and holds no English (the site shows it). Findings that would share an id within a
/// report get `-2`, `-3`… in their order.
extension Finding {
    /// The id before it is made unique within the report.
    public var baseID: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ text: String) {
            for byte in text.utf8 where !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            hash = (hash ^ 0) &* 0x100_0000_01b3
        }
        add(rule)
        for cell in cells.sorted() { add(cell) }
        add(message)
        let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        let hex = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// The ids of `findings`, unique: a repeated id gets `-2`, `-3`… in order.
    public static func ids(_ findings: [Finding]) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            let base = finding.baseID
            let count = (seen[base] ?? 0) + 1
            seen[base] = count
            return count == 1 ? base : "\(base)-\(count)"
        }
    }

    /// The id in what a reviewer pasted: its last word, so `applications.rowTotal 84a10732` (as
    /// `gongkai check` prints it in brackets) names `84a10732`.
    public static func id(inPasted text: String) -> String {
        String(text.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "[" || $0 == "]" }).last ?? "")
    }
}
