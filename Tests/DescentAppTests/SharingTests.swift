import Foundation
import LessonKit
import NeuralEngine
import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

/// `v` (the setup string) and `w` (saving the model and the history).
@Suite struct SharingTests {
  /// The playground `descent play --setup text` opens.
  static func playground(_ text: String) throws -> Playground {
    let setup = try RunSetup(parsing: text)
    let built = try setup.trainingSetup()
    return try Playground(configuration: built.configuration, dataRecipe: setup.data, featureScaling: built.scaling)
  }

  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("descent-share-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  // MARK: - v

  @Test func vShowsTheSetupAndAnyKeyClosesIt() throws {
    var playground = try Self.playground("circle;4,2;tanh;lr=0.03;batch=10")
    playground.press(.character("n"))
    #expect(playground.press(.character("v")) == .none)
    #expect(playground.showsSetup)
    #expect(playground.capturesKeys)
    let text = screenText(screen(playground, 80, 24))
    #expect(text.contains("\ncircle;4,2;tanh;opt=sgd;lr=0.03;batch=10;seed=1"), "the string starts in the first column")
    assertSnapshot(screen(playground, 80, 24), named: "setup-overlay-80x24")
    let steps = playground.session.stepCount
    playground.press(.character("n"))
    #expect(!playground.showsSetup)
    #expect(playground.session.stepCount == steps, "the key that closes it does nothing else")
  }

  /// A long setup breaks after a `;` at 80 columns and stays on one line at 160.
  @Test func aLongSetupWrapsAtFieldsOnANarrowScreen() throws {
    var playground = try Self.playground(
      "digits;conv 8 3x3 relu, maxpool 2, dense 16 relu, dropout 0.25, dense 10 softmax;opt=adam;lr=0.01;batch=32;l2=0.0001;seed=7;train-samples=300;classes=0,1,2,3,4")
    playground.press(.character("v"))
    let setup = try #require(try? playground.setupText.get())
    assertSnapshot(screen(playground, 80, 24), named: "setup-overlay-long-80x24")
    let narrow = SetupOverlay.lines(of: setup, width: 80)
    #expect(narrow.count > 1)
    #expect(narrow.allSatisfy { $0.count <= 80 })
    #expect(narrow.joined() == setup)
    #expect(narrow.dropLast().allSatisfy { $0.hasSuffix(";") })
    #expect(screenText(screen(playground, 160, 48)).contains("\n" + setup))
    #expect(try RunSetup(parsing: narrow.joined(separator: "\n")).text == setup, "copied with its line break, it reads the same")
  }

  /// What `v` says rebuilds exactly the run the playground is training, after the keys that
  /// change settings (a new seed keeps the data: the string then names its seed).
  @Test func theSetupFollowsTheKeys() throws {
    var playground = try Self.playground("circle;4,2;tanh;lr=0.03;batch=full")
    playground.press(.character("+"), .character("b"), .character("o"), .character("o"), .character("R"), .character("a"))
    let text = try playground.setupText.get()
    #expect(text == "circle;4,2;relu;opt=nesterov;lr=0.033;batch=1;seed=2;dataseed=1")
    #expect(try RunSetup(parsing: text).trainingConfiguration() == playground.configuration)
  }

  /// Every lab of the shipped lessons has a setup string that rebuilds it exactly.
  @Test func everyShippedLabHasASetupThatRebuildsIt() throws {
    var labs = 0
    for lesson in LessonFixture.catalog.lessons {
      for page in lesson.pages {
        guard let lab = page.lab else { continue }
        labs += 1
        let configuration = lab.trainingConfiguration
        let text = try RunSetup(data: lab.dataRecipe, configuration: configuration).text
        #expect(try RunSetup(parsing: text).trainingConfiguration() == configuration, "\(lesson.id): \(text)")
      }
    }
    #expect(labs > 20)
  }

  @Test func aRunWithoutItsRecipeSaysItHasNoSetup() {
    var playground = Fixture.house()
    playground.press(.character("v"))
    #expect(!playground.showsSetup)
    #expect(playground.notice == Notice("no setup string: this run's data came without its recipe", kind: .warning))
  }

  @Test func editedWeightsAreNotedUnderTheSetup() throws {
    var playground = try Self.playground("house;-;linear;lr=0.5")
    playground.press(.character("e"), .enter)
    playground.type("2")
    playground.press(.enter, .escape, .character("v"))
    #expect(screenText(screen(playground, 80, 24)).contains("weights set by hand (e) are not part of it"))
  }

  // MARK: - w

  @Test func wSavesAModelThatPredictsExactlyLikeThePlayground() throws {
    var playground = try Self.playground("circle;4,2;tanh;lr=0.1;batch=10;seed=3")
    for _ in 0..<30 { playground.press(.character("n")) }
    guard case .saveRun(let run) = playground.press(.character("w")) else {
      Issue.record("w did not ask to save")
      return
    }
    let folder = try Self.folder()
    let message = run.write(in: folder.path)
    let modelPath = folder.appendingPathComponent("descent-circle-1.json").path
    #expect(message == .notice("saved the model to \(folder.path)/descent-circle-1.json (descent predict reads it) and the history to \(folder.path)/descent-circle-1.csv"))
    // What `descent predict` does with the file: read it, rebuild the network, predict.
    let saved = try SavedModel.read(path: modelPath)
    let network = try saved.network(fileName: modelPath)
    let inputs = playground.configuration.dataset.testInputs
    let live = playground.session.network.predictions(inputs)
    let loaded = network.predictions(inputs)
    for row in 0..<inputs.count {
      #expect(PredictionTable.row(loaded[row], for: saved) == PredictionTable.row(live[row], for: saved))
      #expect(Array(loaded[row]) == Array(live[row]))
    }
  }

  @Test func theHistoryHasEveryStepAndEveryMeasurement() throws {
    var playground = try Self.playground("line;-;tanh;lr=0.2;batch=20")
    for _ in 0..<12 { playground.press(.character("n")) }
    playground.press(.character("e"), .enter)
    playground.type("1.5")
    playground.press(.enter, .escape)
    guard case .saveRun(let run) = playground.press(.character("w")) else {
      Issue.record("w did not ask to save")
      return
    }
    let lines = run.history.split(separator: "\n").map(String.init)
    #expect(lines[0] == HistoryFile.header)
    let steps = lines.filter { $0.hasPrefix("step,") }
    #expect(steps.count == 12)
    #expect(steps.first?.hasPrefix("step,1,0,") == true)
    #expect(steps.last?.hasSuffix(",0.2") == true, "the learning rate column")
    let evaluations = lines.filter { $0.hasPrefix("evaluation,") }
    #expect(evaluations.first?.hasPrefix("evaluation,0,0,,") == true, "the starting loss")
    let metrics = playground.session.metrics
    #expect(evaluations.last == "evaluation,12,\(playground.session.epochCount),,\(metrics.trainLoss),\(metrics.testLoss.map { String($0) } ?? ""),,,")
    #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 9 })
  }

  /// Names are never reused: an existing `.json` or `.csv` of a number skips it.
  @Test func savingNeverReplacesAFile() throws {
    let folder = try Self.folder()
    var playground = try Self.playground("xor;2;tanh")
    guard case .saveRun(let run) = playground.press(.character("w")) else { return }
    #expect(run.write(in: folder.path) == .notice("saved the model to \(folder.path)/descent-xor-1.json (descent predict reads it) and the history to \(folder.path)/descent-xor-1.csv"))
    try "mine".write(to: folder.appendingPathComponent("descent-xor-2.csv"), atomically: true, encoding: .utf8)
    guard case .notice(let text) = run.write(in: folder.path) else {
      Issue.record("the second save failed")
      return
    }
    #expect(text.contains("descent-xor-3.json"))
    #expect(try String(contentsOf: folder.appendingPathComponent("descent-xor-2.csv"), encoding: .utf8) == "mine")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("descent-xor-2.json").path))
  }

  /// A second `w` with nothing new (or a paste full of them) writes nothing more.
  @Test func wSavesARunOncePerStep() throws {
    var playground = try Self.playground("xor;2;tanh")
    guard case .saveRun = playground.press(.character("w")) else {
      Issue.record("w did not ask to save")
      return
    }
    #expect(playground.press(.character("w")) == .none)
    #expect(playground.notice?.text == "already saved at step 0: train on (or set a weight) and w saves again")
    playground.press(.character("e"), .enter)
    playground.type("0.5")
    playground.press(.enter, .escape)
    guard case .saveRun = playground.press(.character("w")) else {
      Issue.record("w after an edit did not ask to save")
      return
    }
    playground.press(.character("n"))
    guard case .saveRun = playground.press(.character("w")) else {
      Issue.record("w after a step did not ask to save")
      return
    }
  }

  @Test func aFolderThatCannotBeWrittenIsAWarning() throws {
    var playground = try Self.playground("xor;2;tanh")
    guard case .saveRun(let run) = playground.press(.character("w")) else { return }
    let message = run.write(in: "/nonexistent/descent")
    #expect(message == .warning("cannot save in /nonexistent/descent: No such file or directory"))
    _ = playground.update(message)
    #expect(playground.notice?.kind == .warning)
  }

  @Test func fileNamesKeepOnlySafeCharacters() {
    #expect(SavedRun.fileSafe("sine-wave") == "sine-wave")
    #expect(SavedRun.fileSafe("../../etc/passwd\u{1B}[2J") == "etcpasswd2J")
    #expect(SavedRun.fileSafe("日本") == "run")
  }

  @Test func wInALabPointsToThePlayground() throws {
    let lesson = try #require(Lesson.parse(text: WeightEditingTests.lessonWithAnEditableLab, fileName: "edit.md").lesson)
    var progress = LessonKit.Progress()
    var player = LessonPlayer(lesson: lesson, page: 0, progress: &progress)
    #expect(player.update(.key(.character("w")), progress: &progress) == .stay(.none))
    #expect(player.playground?.notice?.text == "w saves in descent play: v shows this lab's setup to open it there with --setup")
    _ = player.update(.key(.character("v")), progress: &progress)
    #expect(player.playground?.showsSetup == true)
    #expect((try? player.playground?.setupText.get()) == "xor;2;tanh;opt=sgd;lr=0.03;batch=10;seed=1")
  }

  // MARK: - The run log's bound

  /// Past its capacity the log merges neighbouring steps: bounded, and still ending at the
  /// last step.
  @Test func theRunLogStaysBounded() throws {
    var playground = try Self.playground("line;-;linear;lr=1e-6;batch=full")
    let total = RunLog.capacity + 11
    // A converged run stops a batch of steps; the next batch resumes it.
    while playground.session.stepCount < total { playground.takeSteps(total - playground.session.stepCount) }
    #expect(playground.session.stepCount == total)
    let log = playground.runLog
    #expect(log.steps.count <= RunLog.capacity)
    #expect(log.stepsPerRow == 2)
    #expect(log.evaluations.count <= RunLog.capacity)
    let lastRow = try #require(log.csvText.split(separator: "\n").last { $0.hasPrefix("step,") })
    #expect(lastRow.hasPrefix("step,\(total),"))
  }
}
