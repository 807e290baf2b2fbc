// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Descent",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "descent", targets: ["descent"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
  ],
  targets: [
    // Pure math: matrices, layers, losses, optimizers, datasets, the training session.
    .target(name: "NeuralEngine"),
    // Lesson files: front matter, Markdown, labs, checkpoints, validation.
    .target(name: "LessonKit", dependencies: ["NeuralEngine", .product(name: "Yams", package: "Yams")]),
    // Cells, buffers, layout, widgets: everything visible, as values.
    .target(name: "TerminalUI"),
    // ncursesw through a small shim for the macros and globals Swift cannot import.
    .systemLibrary(
      name: "CNCurses", pkgConfig: "ncursesw",
      providers: [.apt(["libncursesw5-dev"]), .brew(["ncurses"])]),
    // Async-signal-safe terminal restore; must be C.
    .target(name: "CTermGuard"),
    .target(name: "CursesBackend", dependencies: ["TerminalUI", "CNCurses", "CTermGuard"]),
    .target(name: "DescentApp", dependencies: ["NeuralEngine", "LessonKit", "TerminalUI"]),
    .executableTarget(
      name: "descent",
      dependencies: [
        "NeuralEngine", "LessonKit", "TerminalUI", "CursesBackend", "DescentApp",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(name: "NeuralEngineTests", dependencies: ["NeuralEngine"]),
    .testTarget(name: "LessonKitTests", dependencies: ["LessonKit"], resources: [.copy("Fixtures")]),
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
    .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend", "TerminalUI"]),
    .testTarget(name: "DescentAppTests", dependencies: ["DescentApp"]),
    // Runs the built `descent` binary: CLI behaviour and the tmux end-to-end tests.
    .testTarget(name: "DescentCLITests", dependencies: ["descent"]),
  ]
)
