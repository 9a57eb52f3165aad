/// A 128-bit content fingerprint (two FNV-1a 64 lanes with different offset bases, and the
/// length): cheap to compute on every build, and collision-safe enough to key a cache that is
/// also checked for a matching version.
public enum ContentHash {
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x84222325_cbf29ce4
        var count: UInt64 = 0
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte ^ 0x5c)) &* 0x0000_0100_0000_01b3
            count &+= 1
        }
        return hex64(a) + hex64(b) + hex64(count)
    }

    private static func hex64(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
