// swift-tools-version: 6.1
import PackageDescription

// The library is one target per stage, so the compiler keeps the boundaries
// and data flows one way:
//   Core ← Normalize (decode + normalize) ← Segment ← Facts, Entities, Keywords
//        ← Pipeline ← Batch (fold + writers) ← ZhText (umbrella) ← zhtext (CLI)
// Release builds let the stages inline each other's small hot functions
// (a segmenter scalar-set lookup called from the entity recognizer, say) as
// they could when the library was one module.
let crossModule: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "ZhText",
    products: [
        .library(name: "ZhText", targets: ["ZhText"]),
        .executable(name: "zhtext", targets: ["zhtext"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation` (the DocC catalog in Sources/ZhText).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // System ICU (libicu-dev). The module map only links the libraries;
        // the headers are read by CZhICU's .c file alone.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"])]
        ),
        // Thin C wrappers over the ICU calls ZhText uses (plain C types and
        // opaque handles only, so Swift never sees ICU's versioned symbols or
        // its type names, which clash with Foundation's private ICU copy),
        // and the few Linux calls that Glibc's module does not declare.
        .target(name: "CZhICU", dependencies: ["CICU"]),

        // The ICU wrapper, the data directory, binary caches, byte buffers.
        .target(name: "ZhTextCore", dependencies: ["CZhICU"], swiftSettings: crossModule),
        // Decode (charset detection, conversion, header metadata) and
        // normalize (width folding, Traditional → Simplified, pinyin, offsets).
        .target(name: "ZhTextNormalize", dependencies: ["ZhTextCore"], swiftSettings: crossModule),
        // The dictionary segmenter (and ICU's word break as a second engine).
        .target(name: "ZhTextSegment", dependencies: ["ZhTextCore", "ZhTextNormalize"], swiftSettings: crossModule),
        // The extractors: each takes the normalized text and its words.
        .target(name: "ZhTextFacts", dependencies: ["ZhTextCore", "ZhTextNormalize", "ZhTextSegment"], swiftSettings: crossModule),
        .target(name: "ZhTextEntities", dependencies: ["ZhTextCore", "ZhTextNormalize", "ZhTextSegment"], swiftSettings: crossModule),
        .target(name: "ZhTextKeywords", dependencies: ["ZhTextCore", "ZhTextNormalize", "ZhTextSegment"], swiftSettings: crossModule),
        // One document through every stage.
        .target(name: "ZhTextPipeline",
                dependencies: ["ZhTextCore", "ZhTextNormalize", "ZhTextSegment", "ZhTextFacts",
                               "ZhTextEntities", "ZhTextKeywords"]),
        // A batch in parallel, folded into a mergeable summary; the writers.
        .target(name: "ZhTextBatch",
                dependencies: ["ZhTextCore", "ZhTextNormalize", "ZhTextSegment", "ZhTextFacts",
                               "ZhTextEntities", "ZhTextKeywords", "ZhTextPipeline"]),
        .target(name: "ZhText",
                dependencies: ["ZhTextCore", "ZhTextNormalize", "ZhTextSegment", "ZhTextFacts",
                               "ZhTextEntities", "ZhTextKeywords", "ZhTextPipeline", "ZhTextBatch"]),
        .executableTarget(
            name: "zhtext",
            dependencies: [
                "ZhText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test support: a temporary cache for the whole test process, and the
        // stages loaded once and shared by every suite.
        .target(name: "CZhTextTestEnvironment", path: "Tests/Support/CZhTextTestEnvironment"),
        .target(name: "ZhTextTestSupport", dependencies: ["ZhText", "CZhTextTestEnvironment"],
                path: "Tests/Support/ZhTextTestSupport"),
        .testTarget(name: "ZhTextCoreTests", dependencies: ["ZhTextCore", "ZhTextTestSupport"]),
        .testTarget(name: "ZhTextNormalizeTests", dependencies: ["ZhTextNormalize", "ZhTextTestSupport"],
                    exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "ZhTextSegmentTests", dependencies: ["ZhTextSegment", "ZhTextTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ZhTextFactsTests", dependencies: ["ZhTextFacts", "ZhTextTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ZhTextEntitiesTests", dependencies: ["ZhTextEntities", "ZhTextTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ZhTextKeywordsTests", dependencies: ["ZhTextKeywords", "ZhTextTestSupport"]),
        .testTarget(name: "ZhTextBatchTests", dependencies: ["ZhTextBatch", "ZhTextTestSupport"],
                    exclude: ["Golden"]),
        // End to end: the built tool (a dependency, so it is built first, in
        // the products directory beside the test bundle) on seeds/ and
        // fixtures; Golden/seeds holds the expected `analyze seeds` outputs.
        .testTarget(name: "zhtextTests", dependencies: ["zhtext", "ZhText", "ZhTextTestSupport"],
                    exclude: ["Golden"]),
    ]
)
