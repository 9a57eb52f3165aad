/// A report's review file (`<stem>.review.yaml` beside the report), as read: the reviewer's
/// corrections of misread cells and dismissals of false findings, each with the line it is on.
/// Read by `GongkaiLoad`, applied by `GongkaiCheck`.
public struct Review: Hashable, Sendable {
    /// A cell whose printed value the parser read wrong (or could not read).
    public struct Correction: Hashable, Sendable {
        /// The cell as findings name it, e.g. `applications.newReceived.total`.
        public var cell: String
        /// The value the report prints (what the parser must have read): `.unknown` for `?`.
        public var printed: Cell
        public var value: Cell
        public var reason: String
        public var who: String
        public var date: String
        public var line: Int
        public init(cell: String, printed: Cell, value: Cell, reason: String, who: String, date: String, line: Int) {
            self.cell = cell
            self.printed = printed
            self.value = value
            self.reason = reason
            self.who = who
            self.date = date
            self.line = line
        }
    }

    /// A finding the reviewer judged a false alarm (已核实为误报), by its stable id.
    public struct Dismissal: Hashable, Sendable {
        public var finding: String
        public var reason: String
        public var who: String
        public var date: String
        public var line: Int
        public init(finding: String, reason: String, who: String, date: String, line: Int) {
            self.finding = finding
            self.reason = reason
            self.who = who
            self.date = date
            self.line = line
        }
    }

    /// Something in the file that cannot be used (malformed YAML, an entry missing a key).
    public struct Problem: Hashable, Sendable {
        public var line: Int
        public var message: String
        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    /// The file's path relative to the content folder, e.g. `2022/yonghe.review.yaml`.
    public var path: String
    public var corrections: [Correction]
    public var dismissals: [Dismissal]
    public var problems: [Problem]

    public init(path: String, corrections: [Correction] = [], dismissals: [Dismissal] = [], problems: [Problem] = []) {
        self.path = path
        self.corrections = corrections
        self.dismissals = dismissals
        self.problems = problems
    }

    /// The review file's suffix: `2022/yonghe.md` is reviewed in `2022/yonghe.review.yaml`.
    public static let suffix = ".review.yaml"

    /// The review file of the report at `source` (any extension): its stem plus `suffix`.
    public static func path(forReport source: String) -> String {
        let slash = source.lastIndex(of: "/").map { source.index(after: $0) } ?? source.startIndex
        guard let dot = source[slash...].lastIndex(of: "."), dot > slash else { return source + suffix }
        return String(source[..<dot]) + suffix
    }

    /// The stem a review file's path names (`2022/yonghe.review.yaml` → `2022/yonghe`).
    public static func stem(ofReview path: String) -> String? {
        path.hasSuffix(suffix) ? String(path.dropLast(suffix.count)) : nil
    }
}
