/// One line of a report's text with its line number in the file.
public struct DocumentLine: Sendable, Hashable {
    public let number: Int
    public let text: String
    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}
