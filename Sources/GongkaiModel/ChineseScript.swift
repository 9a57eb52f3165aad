import Foundation

/// Traditional characters in a name read as simplified (`義烏市廿三里街道辦事處` →
/// `义乌市廿三里街道办事处`), so that a body written either way is one body and its kind is read.
public enum ChineseScript {
    /// The name in simplified characters; the name itself when it holds no traditional mark.
    public static func simplified(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: traditionalMarks.contains) else { return name }
        return memo.value(name) { $0.applyingTransform(StringTransform("Traditional-Simplified"), reverse: false) ?? $0 }
    }

    /// Data: characters written only in traditional script that body and place names use (the
    /// ICU transform, costly to start, runs only for a name holding one of them).
    static let traditionalMarks = Set(
        "縣區鎮鄉辦處會員廳門義烏東陽廣龍灣華國產業發農務財稅衛環護資場貿經濟審計監檢與數據統總體開關這時間標報設蘇漢張齊魯閩贛臺橋澤滬寧陝興莊鄭邊廈陳劉趙勞動執紀黨聯營運輸鐵郵電網絡園實驗學醫藥療養萬"
            .unicodeScalars)

    private static let memo = NameMemo()
}

/// Names converted so far (the same names come back every year).
final class NameMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: String] = [:]

    func value(_ key: String, compute: (String) -> String) -> String {
        if let known = lock.withLock({ values[key] }) { return known }
        let computed = compute(key)
        lock.withLock { values[key] = computed }
        return computed
    }
}
