import Foundation

/// How far a build has got, for a progress bar: a stage (`parse`, `render`) and its counts.
public struct BuildProgress: Sendable, Equatable {
    public var stage: String
    public var done: Int
    public var total: Int
}

/// Counts finished items of a stage across threads and reports each step.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let stage: String
    private let total: Int
    private let report: (@Sendable (BuildProgress) -> Void)?

    init(stage: String, total: Int, report: (@Sendable (BuildProgress) -> Void)?) {
        self.stage = stage
        self.total = total
        self.report = report
        report?(BuildProgress(stage: stage, done: 0, total: total))
    }

    func step() {
        guard let report else { return }
        lock.lock()
        done += 1
        let now = done
        lock.unlock()
        report(BuildProgress(stage: stage, done: now, total: total))
    }
}
