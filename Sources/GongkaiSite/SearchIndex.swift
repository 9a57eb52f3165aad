import Foundation
import GongkaiModel

/// The offline search index, in one script per year so that adding a report rewrites only its
/// year's: browsers block fetch on file://, so `assets/search-index.js` (the only script the search
/// page names) writes a `<script>` tag for each year's `assets/search/<year>.js`, newest first, and
/// each of those pushes `{"docs":[{"n","t","u","y"}…],"grams":{…}}` onto `window.GONGKAI_SEARCH_SHARDS`.
/// Documents carry their normalised text for the exact check; `grams` maps each overlapping pair of
/// UTF-16 units to the (ascending) numbers of the shard's documents containing it.
///
/// Written in pieces and in parallel: the documents in batches, then the posting lists in shards
/// of the bigram space, so that no single string of a whole index exists.
enum SearchIndex {
    static let path = "assets/search-index.js"
    static func shardPath(_ yearKey: String) -> String { "assets/search/\(yearKey).js" }
    static let shardsArray = "window.GONGKAI_SEARCH_SHARDS"

    /// The loader: a `<script>` tag per year's index, relative to the loader's own address.
    static func loader(yearKeys: [String]) -> [UInt8] {
        var script = "/* gongkai search index: one script per year, loaded in this order (document.write works from file://). */\n"
        script += "\(shardsArray)=\(shardsArray)||[];\n(function(){var s=document.currentScript,b=s?s.src.replace(/search-index\\.js([?#].*)?$/,\"\"):\"assets/\";\n"
        var keys: [UInt8] = []
        for (index, key) in yearKeys.enumerated() {
            if index > 0 { keys.append(UInt8(ascii: ",")) }
            JSONWriter.appendScriptString(key, to: &keys)
        }
        script += "[\(String(decoding: keys, as: UTF8.self))].forEach(function(y){document.write('<script src=\"'+b+'search/'+y+'.js\"><\\/script>');});})();\n"
        return Array(script.utf8)
    }
    /// Posting lists are built and written in this many shards (a power of two).
    static let shards = 64
    static let batch = 256

    /// One report's contribution: its JSON object, and its distinct bigrams ordered by shard.
    struct Document: Sendable {
        var json: [UInt8]
        var grams: [UInt32]
        /// `grams[shardStart[s]..<shardStart[s + 1]]` are shard s's.
        var shardStart: [Int32]

        /// A document whose bigrams are ordered by shard: the shard starts counted from them.
        init(json: [UInt8], grams: [UInt32]) {
            var shardStart = [Int32](repeating: 0, count: SearchIndex.shards + 1)
            for gram in grams { shardStart[SearchIndex.shard(of: gram) + 1] += 1 }
            for index in 0..<SearchIndex.shards { shardStart[index + 1] += shardStart[index] }
            self.init(json: json, grams: grams, shardStart: shardStart)
        }

        init(json: [UInt8], grams: [UInt32], shardStart: [Int32]) {
            self.json = json
            self.grams = grams
            self.shardStart = shardStart
        }
    }

    /// One year's script in memory (small sites, tests).
    static func script(_ reports: [Report]) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try write(reports) { bytes += $0 }
        return bytes
    }

    /// `deferred`: where the details and texts left out of unchanged reports are read from;
    /// `kept`: the documents of the year's last index, by report digest (only new and changed
    /// reports are read and indexed again).
    static func write(
        _ reports: [Report], deferred: DeferredReports? = nil, kept: SearchDocuments? = nil, to emit: ([UInt8]) throws -> Void
    ) throws {
        let previous = kept?.load() ?? [:]
        // Pieces gathered into writes of about a megabyte: a document is a few kilobytes.
        try withoutActuallyEscaping(emit) { emit in try write(reports, deferred: deferred, kept: kept, previous: previous, to: Buffered(emit: emit)) }
    }

    private static func write(
        _ reports: [Report], deferred: DeferredReports?, kept: SearchDocuments?, previous: [String: Document], to buffered: Buffered
    ) throws {
        var out = buffered
        var next: [(digest: String, document: Document)] = []
        var indexed = 0
        try out.append(Array("(\(shardsArray)=\(shardsArray)||[]).push({\"docs\":[".utf8))
        var grams: [[UInt32]] = []
        var starts: [[Int32]] = []
        grams.reserveCapacity(reports.count)
        starts.reserveCapacity(reports.count)
        for first in stride(from: 0, to: reports.count, by: batch) {
            let documents = ParallelMap.map(Array(reports[first..<min(first + batch, reports.count)])) { report -> (digest: String?, document: Document, new: Bool) in
                let digest = kept?.digest(of: report.id)
                if let digest, let known = previous[digest] { return (digest, known, false) }
                return (digest, document(deferred?.complete(report) ?? report), true)
            }
            for index in documents.indices {
                if let digest = documents[index].digest { next.append((digest, documents[index].document)) }
                if documents[index].new { indexed += 1 }
                if first + index > 0 { try out.append(UInt8(ascii: ",")) }
                try out.append(documents[index].document.json)
                grams.append(documents[index].document.grams)
                starts.append(documents[index].document.shardStart)
            }
        }
        try out.append(Array(#"],"grams":{"#.utf8))
        let (allGrams, allStarts) = (grams, starts)
        let width = 4
        var needsComma = false
        for group in stride(from: 0, to: shards, by: width) {
            let parts = ParallelMap.map(Array(group..<(group + width))) { shard in postings(shard: shard, grams: allGrams, starts: allStarts) }
            for part in parts where !part.isEmpty {
                if needsComma { try out.append(UInt8(ascii: ",")) }
                try out.append(part)
                needsComma = true
            }
        }
        try out.append(Array("}});\n".utf8))
        try out.flush()
        if indexed > 0 || next.count != previous.count { kept?.save(next) }
    }

    /// Bytes gathered before they are emitted, so that small pieces do not each cost a write.
    private struct Buffered {
        let emit: ([UInt8]) throws -> Void
        var bytes: [UInt8] = []
        static let limit = 1 << 20

        init(emit: @escaping ([UInt8]) throws -> Void) {
            self.emit = emit
            bytes.reserveCapacity(Self.limit + 64 * 1024)
        }

        mutating func append(_ byte: UInt8) throws {
            bytes.append(byte)
        }

        mutating func append(_ piece: [UInt8]) throws {
            if bytes.count + piece.count > Self.limit { try flush() }
            if piece.count >= Self.limit { return try emit(piece) }
            bytes += piece
        }

        mutating func flush() throws {
            guard !bytes.isEmpty else { return }
            try emit(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// The JSON members `"ab":[0,3,…]` of one shard, keys in ascending order. The (gram, document)
    /// pairs are packed into one integer each and sorted (no dictionary of arrays), and numbers are
    /// written as digits straight into the bytes (no String per number): the touched year's shard
    /// is the largest file an add-one rebuild writes.
    private static func postings(shard: Int, grams: [[UInt32]], starts: [[Int32]]) -> [UInt8] {
        // Counted first, so that the pairs are written into one allocation of the right size.
        var count = 0
        for document in starts.indices { count += Int(starts[document][shard + 1] - starts[document][shard]) }
        var pairs = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            var next = 0
            for document in grams.indices {
                let range = Int(starts[document][shard])..<Int(starts[document][shard + 1])
                grams[document].withUnsafeBufferPointer { documentGrams in
                    for gram in documentGrams[range] where next < count {
                        buffer[next] = UInt64(gram) << 32 | UInt64(document)
                        next += 1
                    }
                }
            }
            initialized = next
        }
        sortByGram(&pairs)
        var out: [UInt8] = []
        out.reserveCapacity(pairs.count * 5)
        var current: UInt64? = nil
        for pair in pairs {
            let gram = pair >> 32
            if gram != current {
                if current != nil {
                    out.append(UInt8(ascii: "]"))
                    out.append(UInt8(ascii: ","))
                }
                SearchKeyJSON.appendKey(UInt32(gram), to: &out)
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: "["))
                current = gram
            } else {
                out.append(UInt8(ascii: ","))
            }
            appendDecimal(Int(pair & 0xFFFF_FFFF), to: &out)
        }
        if current != nil { out.append(UInt8(ascii: "]")) }
        return out
    }

    /// Orders (gram, document) pairs by gram, keeping the documents' order (ascending, as the
    /// pairs are made) within a gram: a stable radix sort in three passes of 11, 11 and 10 bits.
    private static func sortByGram(_ pairs: inout [UInt64]) {
        guard pairs.count > 1 else { return }
        var other = [UInt64](repeating: 0, count: pairs.count)
        var counts = [Int](repeating: 0, count: 2049)
        for shift in [UInt64(32), 43, 54] {
            var moved = false
            counts.withUnsafeMutableBufferPointer { counts in
                counts.update(repeating: 0)
                pairs.withUnsafeBufferPointer { source in
                    for pair in source { counts[Int((pair >> shift) & 0x7FF) + 1] += 1 }
                    // All pairs in one bucket: this pass would leave them as they are.
                    if counts.contains(source.count) { return }
                    for index in 0..<2048 { counts[index + 1] += counts[index] }
                    other.withUnsafeMutableBufferPointer { target in
                        for pair in source {
                            let bucket = Int((pair >> shift) & 0x7FF)
                            target[counts[bucket]] = pair
                            counts[bucket] += 1
                        }
                    }
                    moved = true
                }
            }
            if moved { swap(&pairs, &other) }
        }
    }

    /// A non-negative integer's decimal digits.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        // Most document numbers (a year of one city or county) have at most three digits: appended directly.
        if value >= 0, value < 1000 {
            let zero = UInt8(ascii: "0")
            if value >= 100 { out.append(zero + UInt8(truncatingIfNeeded: value / 100)) }
            if value >= 10 { out.append(zero + UInt8(truncatingIfNeeded: value / 10 % 10)) }
            out.append(zero + UInt8(truncatingIfNeeded: value % 10))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value.magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0 && count < 20
            out.append(contentsOf: buffer[(20 - count)...])
        }
    }

    private static func document(_ report: Report) -> Document {
        let title = Labels.reportHeading(report)
        // Each scalar is normalised on its own and the spaces between the parts are dropped: the
        // parts normalised one after the other, without the whole text copied into one string.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(title.utf8.count + report.siteName.utf8.count + report.text.utf8.count)
        appendNormalised(title, to: &bytes)
        appendNormalised(report.siteName, to: &bytes)
        appendNormalised(report.text, to: &bytes)
        var json: [UInt8] = []
        json.reserveCapacity(bytes.count + bytes.count / 16 + 200)
        json += Array(#"{"n":"#.utf8)
        JSONWriter.appendScriptString(utf8: bytes, to: &json)
        json += Array(#","t":"#.utf8)
        JSONWriter.appendScriptString(title, to: &json)
        json += Array(#","u":"#.utf8)
        JSONWriter.appendScriptString(SitePath.report(report.id), to: &json)
        json += Array(#","y":\#(report.year ?? 0)}"#.utf8)
        let (keys, shardStart) = distinctKeysByShard(bytes)
        return Document(json: json, grams: keys, shardStart: shardStart)
    }

    /// The text's distinct bigram keys grouped by shard, with the shards' starts. A hash set drops
    /// the duplicates and a counting pass groups by shard, with no sort: the order within a shard
    /// does not matter, as `postings` orders its (key, document) pairs itself.
    private static func distinctKeysByShard(_ utf8: [UInt8]) -> (keys: [UInt32], shardStart: [Int32]) {
        var shardStart = [Int32](repeating: 0, count: shards + 1)
        let units = utf16Units(utf8)
        guard units.count >= 2 else { return ([], shardStart) }
        var bits = 4
        while 1 << bits < 2 * units.count { bits += 1 }
        let capacity = 1 << bits, mask = capacity - 1
        // 0 marks an empty slot; the key 0 (two NULs) is tracked on its own.
        var table = [UInt32](repeating: 0, count: capacity)
        var distinct: [UInt32] = []
        distinct.reserveCapacity(units.count)
        var shardOf: [UInt8] = []
        shardOf.reserveCapacity(units.count)
        var sawZero = false
        table.withUnsafeMutableBufferPointer { table in
            units.withUnsafeBufferPointer { units in
                for index in 0..<(units.count - 1) {
                    let key = UInt32(units[index]) << 16 | UInt32(units[index + 1])
                    if key == 0 {
                        if sawZero { continue }
                        sawZero = true
                    } else {
                        var slot = Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
                        var known = false
                        while table[slot] != 0 {
                            if table[slot] == key { known = true; break }
                            slot = (slot + 1) & mask
                        }
                        if known { continue }
                        table[slot] = key
                    }
                    let keyShard = shard(of: key)
                    distinct.append(key)
                    shardOf.append(UInt8(truncatingIfNeeded: keyShard))
                    shardStart[keyShard + 1] += 1
                }
            }
        }
        for index in 0..<shards { shardStart[index + 1] += shardStart[index] }
        var cursor = shardStart
        var keys = [UInt32](repeating: 0, count: distinct.count)
        for (key, keyShard) in zip(distinct, shardOf) {
            keys[Int(cursor[Int(keyShard)])] = key
            cursor[Int(keyShard)] += 1
        }
        return (keys, shardStart)
    }

    /// The UTF-16 code units of valid UTF-8 (as `normalisedBytes` writes it), without a String.
    private static func utf16Units(_ utf8: [UInt8]) -> [UInt16] {
        var units: [UInt16] = []
        units.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            let lead = UInt32(utf8[index])
            var scalar: UInt32
            var length: Int
            switch lead {
            case ..<0x80: (scalar, length) = (lead, 1)
            case 0xC0..<0xE0: (scalar, length) = (lead & 0x1F, 2)
            case 0xE0..<0xF0: (scalar, length) = (lead & 0x0F, 3)
            default: (scalar, length) = (lead & 0x07, 4)
            }
            var next = index + 1
            while next < min(index + length, utf8.count) {
                scalar = scalar << 6 | UInt32(utf8[next] & 0x3F)
                next += 1
            }
            index = next
            if scalar >= 0x10000 {
                let value = scalar - 0x10000
                units.append(UInt16(truncatingIfNeeded: 0xD800 + (value >> 10)))
                units.append(UInt16(truncatingIfNeeded: 0xDC00 + (value & 0x3FF)))
            } else {
                units.append(UInt16(truncatingIfNeeded: scalar))
            }
        }
        return units
    }

    static func shard(of key: UInt32) -> Int { Int((key &* 0x9E37_79B1) >> 26) & (shards - 1) }
}
