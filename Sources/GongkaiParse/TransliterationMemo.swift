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

extension TransliterationMemo {
    /// Every name transliterated so far, with its reading.
    var all: [String: String] { lock.withLock { results } }

    /// Readings kept from an earlier run of the same binary (the first ICU call of a process
    /// costs tens of milliseconds: most of the parse of a rebuild's one new report).
    func seed(_ known: [String: String]) {
        lock.withLock { results.merge(known) { current, _ in current } }
    }
}

/// The process's transliterations, for keeping them in a build cache between runs.
public enum Transliterations {
    public static var all: [String: String] { TransliterationMemo.shared.all }
    public static func seed(_ known: [String: String]) { TransliterationMemo.shared.seed(known) }

    /// Makes ICU's transliterator on another thread now, for a build that will likely meet a name
    /// it has not read before (a new report), while it does other work.
    public static func warmUp() {
        DispatchQueue.global(qos: .userInitiated).async { _ = ReportIdentifier.transliteratorReady }
    }
}
