// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "clay-guard",
    products: [
        .executable(name: "clay-guard", targets: ["clay-guard"])
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
        .target(name: "CAnchorScan", cSettings: [.unsafeFlags(["-O3"])]),
        .target(name: "ClayDetect", dependencies: ["CPCRE2", "CCrypto", "CAnchorScan"]),
        .target(name: "ClayGit", dependencies: ["CLibgit2"]),
        .target(name: "ClayScan", dependencies: ["ClayDetect", "ClayGit"]),
        .target(name: "ClayCLI", dependencies: ["ClayScan", "ClayDetect"]),
        .target(name: "CNoTLS"),
        .executableTarget(
            name: "clay-guard",
            dependencies: ["ClayCLI", "CNoTLS"],
            linkerSettings: [
                // Export the CA-bundle loaders of CNoTLS so libgit2 binds to them (see no_tls.c).
                .unsafeFlags(
                    [
                        "-Xlinker", "--export-dynamic-symbol=mbedtls_x509_crt_parse_file",
                        "-Xlinker", "--export-dynamic-symbol=mbedtls_x509_crt_parse_path",
                    ], .when(platforms: [.linux]))
            ]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ClayDetectTests", dependencies: ["ClayDetect", "TestSupport"]),
        .testTarget(name: "ClayGitTests", dependencies: ["ClayGit", "TestSupport"]),
        .testTarget(
            name: "ClayScanTests", dependencies: ["ClayScan", "ClayGit", "ClayDetect", "TestSupport"]),
        .testTarget(name: "ClayCLITests", dependencies: ["ClayCLI", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
    ]
)
