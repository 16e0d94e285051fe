// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "clay-guard",
    products: [
        .executable(name: "clay-guard", targets: ["clay-guard"]),
    ],
    targets: [
        .systemLibrary(
            name: "CLibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
        ),
        .target(name: "ClayDetect", dependencies: ["CPCRE2", "CCrypto"]),
        .target(name: "ClayGit", dependencies: ["CLibgit2"]),
        .target(name: "ClayScan", dependencies: ["ClayDetect", "ClayGit"]),
        .target(name: "ClayCLI", dependencies: ["ClayScan", "ClayDetect"]),
        .executableTarget(name: "clay-guard", dependencies: ["ClayCLI"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ClayDetectTests", dependencies: ["ClayDetect", "TestSupport"]),
        .testTarget(name: "ClayGitTests", dependencies: ["ClayGit", "TestSupport"]),
        .testTarget(name: "ClayScanTests", dependencies: ["ClayScan", "ClayGit", "ClayDetect", "TestSupport"]),
        .testTarget(name: "ClayCLITests", dependencies: ["ClayCLI", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
    ]
)
