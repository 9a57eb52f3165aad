import Foundation

/// Remembers ICU transliterations for the life of the process: the same body and place names
/// come back every year, and each ICU call costs far more than a dictionary look-up.
final class TransliterationMemo: @unchecked Sendable {
    static let shared = TransliterationMemo()

    private let lock = NSLock()
    private var results: [String: String] = [:]

    func value(for key: String, compute: (String) -> String) -> String {
        lock.lock()
        if let known = results[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let computed = compute(key)
        lock.lock()
        results[key] = computed
        lock.unlock()
        return computed
    }
}
