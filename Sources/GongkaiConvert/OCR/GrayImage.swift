import Foundation

/// An 8-bit grayscale page image (0 = black), as `pdftoppm -gray` writes it (binary PGM, P5).
struct GrayImage: Sendable {
    let width: Int
    let height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Reads a binary PGM; nil when the data is not one (only maxval ≤ 255 occurs from pdftoppm).
    init?(pgm data: Data) {
        let bytes = [UInt8](data)
        var index = 0
        var fields: [Int] = []
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "P"), bytes[1] == UInt8(ascii: "5") else { return nil }
        index = 2
        while fields.count < 3 {
            guard index < bytes.count else { return nil }
            let byte = bytes[index]
            if byte == UInt8(ascii: "#") {
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            } else if byte >= 0x30, byte <= 0x39 {
                var value = 0
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, value < 1_000_000 {
                    value = value * 10 + Int(bytes[index] - 0x30)
                    index += 1
                }
                fields.append(value)
                continue
            }
            index += 1
        }
        index += 1  // the single whitespace after maxval
        let (width, height, maxValue) = (fields[0], fields[1], fields[2])
        guard width > 0, height > 0, maxValue > 0, maxValue < 256, bytes.count - index >= width * height else { return nil }
        self.init(width: width, height: height, pixels: Array(bytes[index ..< index + width * height]))
    }

    func pixel(_ x: Int, _ y: Int) -> UInt8 { pixels[y * width + x] }

    /// The part of the image inside `rect` (clipped to the image), surrounded by `margin` white pixels.
    func crop(_ rect: PixelRect, margin: Int = 0) -> GrayImage {
        let clipped = rect.clipped(width: width, height: height)
        let outWidth = clipped.width + 2 * margin
        let outHeight = clipped.height + 2 * margin
        var out = [UInt8](repeating: 255, count: max(0, outWidth * outHeight))
        for y in 0 ..< clipped.height {
            let source = (clipped.y0 + y) * width + clipped.x0
            let target = (y + margin) * outWidth + margin
            for x in 0 ..< clipped.width { out[target + x] = pixels[source + x] }
        }
        return GrayImage(width: outWidth, height: outHeight, pixels: out)
    }

    /// The binary PGM encoding, which Tesseract (Leptonica) reads.
    var pgmData: Data {
        var data = Data("P5\n\(width) \(height)\n255\n".utf8)
        data.append(contentsOf: pixels)
        return data
    }
}

/// A rectangle in pixels: x0 ..< x1, y0 ..< y1.
struct PixelRect: Sendable, Hashable {
    var x0: Int, y0: Int, x1: Int, y1: Int

    var width: Int { max(0, x1 - x0) }
    var height: Int { max(0, y1 - y0) }

    func clipped(width: Int, height: Int) -> PixelRect {
        let x0 = min(max(0, self.x0), width), y0 = min(max(0, self.y0), height)
        return PixelRect(x0: x0, y0: y0, x1: max(x0, min(x1, width)), y1: max(y0, min(y1, height)))
    }

    func inset(by amount: Int) -> PixelRect {
        PixelRect(x0: x0 + amount, y0: y0 + amount, x1: max(x0 + amount, x1 - amount), y1: max(y0 + amount, y1 - amount))
    }
}
