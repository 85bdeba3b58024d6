// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ZhText",
    products: [
        .library(name: "ZhText", targets: ["ZhText"]),
        .executable(name: "zhtext", targets: ["zhtext"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // System ICU (libicu-dev). The module map only links the libraries;
        // the headers are read by CZhICU's .c file alone.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"])]
        ),
        // Thin C wrappers over the ICU calls ZhText uses: plain C types and
        // opaque handles only, so Swift never sees ICU's versioned symbols or
        // its type names (which clash with Foundation's private ICU copy).
        .target(
            name: "CZhICU",
            dependencies: ["CICU"]
        ),
        .target(
            name: "ZhText",
            dependencies: ["CZhICU"]
        ),
        .executableTarget(
            name: "zhtext",
            dependencies: [
                "ZhText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ZhTextTests",
            dependencies: ["ZhText"],
            exclude: ["Golden"],  // read through #filePath, re-recorded in place
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "zhtextTests",
            dependencies: ["ZhText"]
        ),
    ]
)
