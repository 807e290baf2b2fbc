// swift-tools-version:6.0
import Foundation
import PackageDescription

// MARK: - Host CPU features for the NeuralEngine kernels

/// Compiler settings that let the benchmark kernels use AVX-512 or AVX2 + FMA, only where safe.
///
/// Swift on Linux targets baseline x86-64 (SSE2) by default; targeting the host's vector units
/// makes the float64 kernels 2–4× faster (see docs/DECISIONS.md). A binary built so crashes on
/// a CPU without those instructions, so the flags are added only when the manifest runs on an
/// x86-64 Linux host whose /proc/cpuinfo lists every feature of the chosen level, and never when
/// `DESCENT_PORTABLE=1` is set (for binaries built to run elsewhere). `DESCENT_FMA` and
/// `DESCENT_AVX512` tell the kernels which instructions they may count on.
func hostTunedSwiftSettings() -> [SwiftSetting] {
  #if arch(x86_64) && os(Linux)
    if ProcessInfo.processInfo.environment["DESCENT_PORTABLE"] == "1" { return [] }
    guard let cpuInfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let flagsLine = cpuInfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return [] }
    let flags = Set(flagsLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init))
    let haswell = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "popcnt", "sse4_2", "abm"]
    let skylakeServer =
      haswell + ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]
    if skylakeServer.allSatisfy(flags.contains) {
      return [
        .unsafeFlags(["-target-cpu", "skylake-avx512"]), .define("DESCENT_FMA"),
        .define("DESCENT_AVX512"),
      ]
    }
    guard haswell.allSatisfy(flags.contains) else { return [] }
    return [.unsafeFlags(["-target-cpu", "haswell"]), .define("DESCENT_FMA")]
  #else
    return []
  #endif
}

// MARK: - ncursesw

/// The ncursesw system library.
///
/// On Linux the headers are in the default include path (`<ncursesw/curses.h>`) and the module map
/// links `ncursesw` (whose linker script brings `tinfo`), so pkg-config is not consulted: its
/// `-D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600` flags are dropped by SwiftPM with a "prohibited flag(s)"
/// warning on every build, and the shim defines what it needs itself. Elsewhere (Homebrew's
/// ncurses is not in the default paths) pkg-config finds it.
func cursesSystemLibrary() -> Target {
  #if os(Linux)
    return .systemLibrary(name: "CNCurses")
  #else
    return .systemLibrary(
      name: "CNCurses", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"]), .brew(["ncurses"])])
  #endif
}

/// Property-based testing (x-sheep/swift-property-based): a dependency of test targets only.
let propertyBased: Target.Dependency = .product(name: "PropertyBased", package: "swift-property-based")

let package = Package(
  name: "Descent",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "descent", targets: ["descent"]),
    // For Tools/fuzz-lessons (a separate package, so `swift test` never builds the fuzzer).
    .library(name: "LessonKit", targets: ["LessonKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    // Tests only: property-based checks in Swift Testing.
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    // The one sanitiser for untrusted text on its way to a terminal (screen, stdout, stderr).
    .target(name: "SafeText"),
    // Compiler built-ins Swift cannot express: a prefetch for writing, an eight-lane square root.
    .target(name: "CIntrinsics"),
    // Pure math: tensors, layers, losses, optimizers, datasets, the training session. Optimised
    // in debug builds too, so tests that train real networks run in seconds (docs/DECISIONS.md).
    .target(
      name: "NeuralEngine", dependencies: ["SafeText", "CIntrinsics"],
      swiftSettings: hostTunedSwiftSettings() + [.unsafeFlags(["-O"], .when(configuration: .debug))]),
    // Lesson files: front matter, Markdown, labs, checkpoints, validation.
    .target(name: "LessonKit", dependencies: ["NeuralEngine", "SafeText", .product(name: "Yams", package: "Yams")]),
    // Cells, buffers, layout, widgets: everything visible, as values.
    .target(name: "TerminalUI"),
    // ncursesw through a small shim for the macros and globals Swift cannot import.
    cursesSystemLibrary(),
    // Async-signal-safe terminal restore; must be C.
    .target(name: "CTermGuard"),
    .target(name: "CursesBackend", dependencies: ["TerminalUI", "CNCurses", "CTermGuard", "SafeText"]),
    .target(name: "DescentApp", dependencies: ["NeuralEngine", "LessonKit", "TerminalUI"]),
    .executableTarget(
      name: "descent",
      dependencies: [
        "NeuralEngine", "LessonKit", "TerminalUI", "CursesBackend", "DescentApp", "SafeText",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(name: "NeuralEngineTests", dependencies: ["NeuralEngine"]),
    // Hostile inputs shared by the property tests: every kind of Double, control-laden text.
    .target(name: "PropertySupport", path: "Tests/PropertySupport"),
    // Golden-screen comparison shared by the test targets that draw.
    .target(name: "SnapshotSupport", dependencies: ["TerminalUI"], path: "Tests/SnapshotSupport"),
    .testTarget(name: "SafeTextTests", dependencies: ["SafeText", "PropertySupport", propertyBased]),
    .testTarget(name: "LessonKitTests", dependencies: ["LessonKit", "SafeText"], resources: [.copy("Fixtures")]),
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "SnapshotSupport", "PropertySupport", propertyBased], exclude: ["Snapshots"]),
    .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend", "TerminalUI", "CTermGuard"]),
    .testTarget(name: "DescentAppTests", dependencies: ["DescentApp", "SnapshotSupport", "PropertySupport", propertyBased], exclude: ["Snapshots"]),
    // Seeded random input through update/render in every screen (fast; debug build).
    .testTarget(name: "AppFuzzTests", dependencies: ["DescentApp", "CursesBackend", "LessonKit", "NeuralEngine", "TerminalUI"]),
    // Runs the built `descent` binary: CLI behaviour and the tmux end-to-end tests.
    .testTarget(name: "DescentCLITests", dependencies: ["descent"]),
  ]
)
