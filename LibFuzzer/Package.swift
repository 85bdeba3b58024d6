// swift-tools-version: 6.1
// libFuzzer target over the decoder, the normalizer and the numeral parser.
// A package of its own so that the root's `swift build` and `swift test`
// never see it: it only builds with libFuzzer's instrumentation and main.
// Run it through scripts/libfuzz.sh, which passes the sanitizer flags.
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, which is the checkout's.
let rootIdentity = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "ZhTextFuzz",
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "ZhTextFuzz",
            dependencies: [.product(name: "ZhText", package: rootIdentity)],
            // libFuzzer provides `main`; this target has no top-level code.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
