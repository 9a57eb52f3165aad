/// Tidying of Tesseract's Chinese output: it separates every character by a space.
enum OCRText {
    /// Removes spaces that have a Chinese character or full-width punctuation on either side.
    static func joiningChinese(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        for (index, character) in characters.enumerated() {
            if character == " " {
                let before = index > 0 ? characters[index - 1] : " "
                let after = index + 1 < characters.count ? characters[index + 1] : " "
                if isWide(before) || isWide(after) || after == " " { continue }
            }
            result.append(character)
        }
        return result
    }

    /// Han characters and the full-width punctuation of Chinese text.
    static func isWide(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x3000 ... 0x303F, 0x3400 ... 0x9FFF, 0xF900 ... 0xFAFF, 0xFF00 ... 0xFFEF, 0x2018 ... 0x201F: true
            default: false
            }
        }
    }

    static func hasHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x3400 ... 0x9FFF).contains($0.value) || (0xF900 ... 0xFAFF).contains($0.value) }
    }

    /// The printed lines of one image's words, in reading order, Chinese spacing removed.
    static func lines(_ words: [RecognizedWord]) -> [String] {
        var byLine: [RecognizedWord.LineKey: [RecognizedWord]] = [:]
        for word in words { byLine[word.line, default: []].append(word) }
        return byLine.keys.sorted().compactMap { key in
            let text = joiningChinese((byLine[key] ?? []).sorted { $0.left < $1.left }.map(\.text).joined(separator: " "))
            return text.isEmpty ? nil : text
        }
    }
}
