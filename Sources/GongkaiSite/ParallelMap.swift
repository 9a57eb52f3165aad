import Foundation

public enum SiteError: Error, CustomStringConvertible {
    case contentUnreadable(String)
    case templateMissing(String)

    public var description: String {
        switch self {
        case .contentUnreadable(let path): "cannot read the content folder \(path) (does it exist?)"
        case .templateMissing(let name): "theme has no template \(name).mustache"
        }
    }
}

/// `concurrentPerform` over an array, results in input order. The work items are independent
/// and Sendable; each result slot is written by exactly one iteration.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        let slots = Slots<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            slots.set(index, transform(inputs[index]))
        }
        return slots.values()
    }

    private final class Slots<Value: Sendable>: @unchecked Sendable {
        private var storage: [Value?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }
        func values() -> [Value] { lock.withLock { storage.compactMap { $0 } } }
    }
}
