// swift-tools-version:6.0
import PackageDescription

// The lesson parser under libFuzzer. A package of its own so `swift build`/`swift test` of Descent
// never build it; see Tools/fuzz-lessons/run.sh and README ("Fuzzing the lesson parser").
let package = Package(
  name: "FuzzLessons",
  dependencies: [.package(name: "Descent", path: "../..")],
  targets: [
    .executableTarget(name: "FuzzLessons", dependencies: [.product(name: "LessonKit", package: "Descent")])
  ]
)
