// swift-tools-version: 6.1
import PackageDescription

// The pipeline, one module per stage:
// load → parse → model → check → site → write, with Markdown (cmark-gfm) used by the site.
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "gongkai",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gongkai", targets: ["gongkai"]),
        .library(name: "GongkaiSite", targets: ["GongkaiSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "GongkaiModel", swiftSettings: strict),
        .target(name: "GongkaiLoad", dependencies: ["GongkaiModel", "Yams"], swiftSettings: strict),
        // PDF (poppler, Tesseract for scans), Word and saved web pages → the text the parser reads.
        .target(
            name: "GongkaiConvert",
            dependencies: ["GongkaiModel", "GongkaiLoad", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict
        ),
        .target(name: "GongkaiParse", dependencies: ["GongkaiModel", "GongkaiLoad"], swiftSettings: strict),
        .target(name: "GongkaiCheck", dependencies: ["GongkaiModel"], swiftSettings: strict),
        .target(name: "GongkaiMarkdown", dependencies: ["CCmarkGFM"], swiftSettings: strict),
        .target(
            name: "GongkaiSite",
            dependencies: [
                "GongkaiModel", "GongkaiLoad", "GongkaiConvert", "GongkaiParse", "GongkaiCheck", "GongkaiMarkdown",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),  // raw deflate for the 整改通知 .docx and archives
            ],
            swiftSettings: strict
        ),
        .target(name: "GongkaiWrite", dependencies: ["GongkaiSite"], swiftSettings: strict),
        .target(
            name: "GongkaiServe",
            dependencies: ["GongkaiSite", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "GongkaiLoad", "GongkaiConvert", "GongkaiParse", "GongkaiCheck", "GongkaiSite", "GongkaiWrite", "GongkaiServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            // jemalloc (Debian libjemalloc-dev) in place of glibc's malloc: a build allocates millions of
            // small strings and arrays from two threads; 12 % less CPU for a clean build of 5,000 reports.
            // Release builds only: jemalloc's C++ operator new does not mix with AddressSanitizer's free
            // (the debug binary is the one CI runs under the sanitizer).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(
            name: "GongkaiTests",
            dependencies: [
                "GongkaiModel", "GongkaiLoad", "GongkaiConvert", "GongkaiParse", "GongkaiCheck", "GongkaiMarkdown",
                "GongkaiSite", "GongkaiWrite", "GongkaiServe",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),  // zip bombs made in the tests
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
