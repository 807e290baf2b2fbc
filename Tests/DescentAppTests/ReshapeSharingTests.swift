import Foundation
import NeuralEngine
import Testing
import TerminalUI

@testable import DescentApp

/// The reshaping keys and the setup string together: after any of them, what `v` shows opens
/// (as `descent play --setup` does) the very run the playground is training, and `w` saves a
/// model on input features that predicts as the playground does.
@Suite struct ReshapeSharingTests {
  static let start = "circle;4,2;tanh;lr=0.03;batch=10"

  /// Key sequences, each from the start: every reshaping key, and all of them at once.
  static let keySequences: [[Key]] = [
    ["]"], ["["], ["}"], ["{"], [">", "}"], ["g"], ["g", "k", "k"], ["g", "g", "K"], ["D"], ["D", "D"],
    ["j"], ["j", "j", "J"], ["t"], ["T", "T"], ["G"], ["G", "R"],
  ].map { $0.map { Key.character(Character($0)) } } + [
    [.character("i"), .character("3"), .character("4"), .enter],
    [.character("i"), .character("1"), .character("5"), .character("7"), .escape],
    [
      .character("]"), .character("}"), .character("i"), .character("3"), .character("4"), .enter, .character("g"),
      .character("k"), .character("D"), .character("j"), .character("t"), .character("G"), .character("R"),
    ],
  ]

  @Test(arguments: keySequences)
  func vAfterTheKeysOpensTheSameRun(keys: [Key]) throws {
    var live = try SharingTests.playground(Self.start)
    for key in keys { live.press(key) }
    let text = try live.setupText.get()
    var opened = try SharingTests.playground(text)
    #expect(opened.configuration == live.configuration, "\(text)")
    #expect(opened.session.network.parameters == live.session.network.parameters, "\(text)")
    for _ in 0..<25 {
      live.press(.character("n"))
      opened.press(.character("n"))
    }
    #expect(opened.session.network.parameters == live.session.network.parameters, "bit for bit after 25 steps: \(text)")
    #expect(opened.session.stepCount == live.session.stepCount)
    #expect(try opened.setupText.get() == text)
  }

  @Test func theStringNamesEveryReshapedSetting() throws {
    var playground = try SharingTests.playground(Self.start)
    let keys: [Key] = [
      .character("]"), .character("}"), .character("i"), .character("3"), .character("4"), .enter, .character("g"),
      .character("k"), .character("D"), .character("j"), .character("t"), .character("G"),
    ]
    for key in keys { playground.press(key) }
    #expect(
      try playground.setupText.get()
        == "circle;4,5,2;tanh;features=x1,x2,x1-squared,x2-squared;opt=sgd;lr=0.03;batch=10;l1=0.003;drop=0.1;seed=1;dataseed=2;noise=0.01;test-fraction=0.2")
  }

  /// `w` on input features: the file names them, and the model `descent predict` rebuilds
  /// from it computes them from the two columns and predicts exactly as the playground.
  @Test func wSavesAModelOnInputFeaturesThatPredictsLikeThePlayground() throws {
    var playground = try SharingTests.playground("circle;-;features=x1-squared,x2-squared;lr=0.3;seed=2")
    for _ in 0..<20 { playground.press(.character("n")) }
    guard case .saveRun(let run) = playground.press(.character("w")) else {
      Issue.record("w did not ask to save")
      return
    }
    let folder = try SharingTests.folder()
    _ = run.write(in: folder.path)
    let modelPath = folder.appendingPathComponent("descent-circle-1.json").path
    let saved = try SavedModel.read(path: modelPath)
    #expect(saved.featureNames == ["x1", "x2"], "predict reads the data's own columns")
    #expect(saved.inputFeatures == ["x1-squared", "x2-squared"])
    let network = try saved.network(fileName: modelPath)
    let points = playground.configuration.dataset.testInputs
    let loaded = network.predictions(saved.networkInputs(points))
    let live = playground.session.network.predictions(playground.configuration.trainingDataset.testInputs)
    for row in 0..<points.count { #expect(Array(loaded[row]) == Array(live[row])) }
  }

  @Test func aModelFileWithFeaturesThatDoNotFitIsRefused() throws {
    let playground = try SharingTests.playground("circle;-;features=x1-squared,x2-squared")
    var saved = SavedModel(
      network: playground.session.network, dataset: playground.configuration.dataset, loss: playground.session.lossFunction,
      inputFeatures: playground.configuration.inputFeatures)
    saved.inputFeatures = ["x1-squared"]
    #expect(throws: SavedModel.FileError.self) { try saved.network(fileName: "m.json") }
    do {
      _ = try saved.network(fileName: "m.json")
    } catch {
      #expect(error.description == "m.json: names 1 input features for 2 inputs")
    }
    saved.inputFeatures = ["x1-squared", "x9"]
    do {
      _ = try saved.network(fileName: "m.json")
      Issue.record("an unknown feature was read")
    } catch {
      #expect(error.description == "m.json: names an unknown input feature 'x9'")
    }
  }
}
