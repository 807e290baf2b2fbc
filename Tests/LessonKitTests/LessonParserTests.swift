import Foundation
import NeuralEngine
import Testing

@testable import LessonKit

@Suite struct LessonParserTests {
  static let datasets = DatasetName.allCases.map(\.rawValue).joined(separator: ", ")

  @Test func frontMatterFields() throws {
    let result = Lesson.parse(text: lessonText("Hello", requires: "[basics, more]"), fileName: "t.md")
    let lesson = try #require(result.lesson)
    #expect(lesson.id == "test")
    #expect(lesson.title == "Test")
    #expect(lesson.order == 1)
    #expect(lesson.summary == "A test lesson.")
    #expect(lesson.requires == ["basics", "more"])
    #expect(lesson.fileName == "t.md")
    #expect(result.problems.isEmpty)
  }

  @Test func pagesSplitOnPlusLinesOutsideCode() throws {
    let body = "# One\ntext\n+++\n# Two\n```\n+++\n```\n+++\n\n+++\nthree"
    let lesson = try #require(Lesson.parse(text: lessonText(body), fileName: "t.md").lesson)
    #expect(lesson.pages.count == 3)
    #expect(lesson.pages.map(\.title) == ["One", "Two", nil])
    #expect(lesson.pages.map(\.line) == [8, 11, 18])
    #expect(lesson.pages[1].blocks.last == .codeBlock(language: nil, lines: ["+++"]))
    #expect(lesson.pages[2].index == 2)
  }

  @Test func exampleFixtureParsesCleanly() throws {
    let url = try fixturesDirectory().appendingPathComponent("01-one-neuron.md")
    let text = try String(contentsOf: url, encoding: .utf8)
    let result = Lesson.parse(text: text, fileName: "01-one-neuron.md")
    #expect(result.problems.map(\.description) == [])
    let lesson = try #require(result.lesson)
    #expect(lesson.pages.count == 3)
    let lab = try #require(lesson.pages[1].lab)
    #expect(lab.dataset == .line)
    #expect(lab.hiddenLayers == [])
    #expect(lab.activation == .linear)
    #expect(lab.loss == .meanSquaredError)
    #expect(lab.optimizer == .sgd)
    #expect(lab.learningRate == 0.05)
    #expect(lab.batch == .fullBatch)
    #expect(lab.seed == 7)
    #expect(lab.views == [.loss, .weights, .bowl])
    #expect(lab.controls == [.play, .step, .learningRate, .reset])
    #expect(lab.bowlParameters == [.weight(layer: 0, output: 0, input: 0), .bias(layer: 0, output: 0)])
    #expect(lab.line == 23)
    guard case .goal(let goal) = try #require(lesson.pages[1].checkpoints.first) else {
      Issue.record("expected a goal")
      return
    }
    #expect(goal.trainLossBelow == 0.01)
    #expect(goal.withinSteps == 500)
    #expect(goal.hintAfterSteps == 200)
    #expect(goal.message?.hasPrefix("The line fits.") == true)
    guard case .quiz(let quiz) = try #require(lesson.pages[2].checkpoints.first) else {
      Issue.record("expected a quiz")
      return
    }
    #expect(quiz.choices.count == 3)
    #expect(quiz.answerIndex == 1)
    #expect(quiz.isCorrect(1))
    #expect(quiz.explanationBlocks.count == 1)
    #expect(lesson.pages[2].blocks.count == 2)
    #expect(lesson.pages[0].isReadOnly)
  }

  @Test func labWithEveryKey() throws {
    let body = """
      ```lab
      dataset: xor
      layers: [4, 2]
      activation: tanh
      output-activation: sigmoid
      loss: bce
      optimizer: adam
      learning-rate: 0.03
      batch: 10
      seed: 42
      views: [loss, network, boundary]
      controls: all
      regularization: {l2: 0.001}
      dropout: 0.1
      initialisation: xavier
      steps-per-tick: 5
      bowl-parameters: ["w1[0,0]", 'w1[0,1]']
      ```
      """
    let result = Lesson.parse(text: lessonText(body), fileName: "t.md")
    #expect(result.problems.isEmpty)
    let lab = try #require(result.lesson?.pages.first?.lab)
    #expect(lab.hiddenLayers == [4, 2])
    #expect(try lab.trainingConfiguration.buildNetwork().summary == "Dense(2→4, tanh) → Dense(4→2, tanh) → Dense(2→1, sigmoid)")
    #expect(lab.batch == .miniBatch(size: 10))
    #expect(lab.controls == Set(LabControl.allCases))
    #expect(lab.regularization == .l2(0.001))
    #expect(lab.dropout == 0.1)
    #expect(lab.initialisation == .xavier)
    #expect(lab.pace == 150, "steps-per-tick is a pace of 30 ticks a second")
    #expect(lab.outputActivation == .sigmoid)
  }

  @Test func smallNoisyTrainingSets() {
    let text = lessonText("""
      ```lab
      dataset: sine
      train-samples: 20
      noise: 0.3
      ```
      """)
    #expect(problems(in: text).isEmpty)
    let lab = Lesson.parse(text: text, fileName: "t.md").lesson?.pages.first?.lab
    #expect(lab?.trainSamples == 20)
    #expect(lab?.noise == 0.3)
    let wrong = lessonText("""
      ```lab
      dataset: recall
      train-samples: 1
      noise: 0.3
      ```
      """)
    #expect(problems(in: wrong) == [
      "t.md:10: `train-samples` must be a whole number of training rows, 2 or more",
      "t.md:11: `noise` applies to house, coffee, line, xor, circle, gaussians, spiral, sine, clumps, sine-wave, not `recall`",
    ])
  }

  @Test func featuresAreComputedFromTwoDimensionalData() {
    let text = lessonText("""
      ```lab
      dataset: circle
      features: [x2-squared, x1-squared]
      controls: [play, features, layers, neurons, regularization, dropout, noise, split, data]
      ```
      """)
    #expect(problems(in: text).isEmpty)
    let lab = Lesson.parse(text: text, fileName: "t.md").lesson?.pages.first?.lab
    #expect(lab?.features == [.x1Squared, .x2Squared], "in the inputs' order")
    #expect(lab?.trainingConfiguration.inputFeatures == [.x1Squared, .x2Squared])
    #expect(lab?.controls.contains(.split) == true)
    let plain = lessonText("```lab\ndataset: xor\nfeatures: [x2, x1]\n```")
    #expect(Lesson.parse(text: plain, fileName: "t.md").lesson?.pages.first?.lab?.features == nil, "the coordinates are no features")
    let wrong = lessonText("""
      ```lab
      dataset: house
      features: [x1-squared, x3]
      ```
      """)
    #expect(problems(in: wrong) == [
      "t.md:10: unknown input feature `x3` (allowed: x1, x2, x1-squared, x2-squared, x1-times-x2, sin-x1, sin-x2)",
      "t.md:10: `features` are computed from 2-D data (xor, circle, gaussians, spiral), not `house`",
    ])
    #expect(problems(in: lessonText("```lab\ndataset: circle\nfeatures: []\n```")) == [
      "t.md:10: `features` must name at least one input feature",
    ])
  }

  @Test func paceIsStepsPerSecondOrMax() {
    func pace(_ line: String) -> Double? {
      Lesson.parse(text: lessonText("```lab\ndataset: line\n\(line)\n```"), fileName: "t.md").lesson?.pages.first?.lab?.pace
    }
    #expect(pace("pace: 3") == 3)
    #expect(pace("pace: 0.5") == 0.5)
    #expect(pace("pace: max") == .infinity)
    #expect(pace("speed: 2") == 60, "the old steps per tick, at 30 ticks a second")
    #expect(pace("views: [loss]") == nil)
    #expect(problems(in: lessonText("```lab\ndataset: line\npace: 0\n```")) == [
      "t.md:10: `pace` must be a number of steps per second above 0 (at most 100000), or `max`"
    ])
    #expect(problems(in: lessonText("```lab\ndataset: line\npace: 3\nsteps-per-tick: 1\n```")) == [
      "t.md:11: `steps-per-tick` repeats `pace` (line 10); give one"
    ])
  }

  @Test func sequenceLabKeys() throws {
    let text = lessonText("""
      ```lab
      dataset: recall
      length: 8
      models: ["lstm 4, dense 1 sigmoid", "rnn 4, dense 1 sigmoid"]
      optimizers: [adam, sgd]
      views: [gates, gradient-flow, unrolled, sequence-fit]
      controls: [play, model]
      ```
      """)
    #expect(problems(in: text).isEmpty)
    let lab = try #require(Lesson.parse(text: text, fileName: "t.md").lesson?.pages.first?.lab)
    #expect(lab.length == 8)
    #expect(lab.trainingConfiguration.dataset.inputShape == [8, 2])
    #expect(lab.modelChoices.map(\.description) == ["lstm 4, dense 1 sigmoid", "rnn 4, dense 1 sigmoid"])
    #expect(lab.model?.description == "lstm 4, dense 1 sigmoid")
    #expect(lab.optimizerChoices == [.adam, .sgd])
    #expect(lab.optimizer == .adam)
    #expect(lab.views == [.gates, .gradientFlow, .unrolled, .sequenceFit])
    #expect(lab.controls == [.play, .model])
  }

  @Test func sequenceLabProblems() {
    let wrong = lessonText("""
      ```lab
      dataset: circle
      length: 8
      models: ["dense 4 relu, dense 1 sigmoid", "dense 3 softmax", "dense 2 swish"]
      optimizer: adam
      optimizers: [sgd, momentum]
      ```
      """)
    #expect(problems(in: wrong) == [
      "t.md:10: `length` applies to sequence datasets (adding, recall, sine-wave), not `circle`",
      "t.md:11: `models`: layer 1 'dense 2 swish': unknown activation 'swish' (choose linear, relu, leaky-relu, sigmoid, tanh, softmax)",
      "t.md:11: the lab's network `dense 3 softmax`: the last layer gives 3 outputs, but circle has 2 classes (end with dense 2 softmax or dense 1 sigmoid)",
      "t.md:12: `optimizer: adam` is not among `optimizers` (line 13)",
    ])
    let odd = lessonText("""
      ```lab
      dataset: adding
      length: 7
      model: "lstm 4, dense 1"
      models: ["lstm 4, dense 1"]
      ```
      """)
    #expect(problems(in: odd) == [
      "t.md:10: `length`: the adding problem needs an even length from 2 to 1000 (got 7)",
      "t.md:12: `models` and `model` both describe the network (line 11); give one",
    ])
  }

  @Test func labProblemsPointAtTheKeyLineInTheFile() {
    // Body starts at file line 8, so the fence is line 8 and `dataset` line 9.
    let body = """
      ```lab
      dataset: moons
      activation: swish
      views: [loss, graph]
      controls: [play, rewind]
      learning-rate: -1
      batch: 0
      colour: red
      regularization: {l3: 1}
      ```
      """
    #expect(problems(in: lessonText(body)) == [
      "t.md:9: unknown dataset `moons` (allowed: \(Self.datasets))",
      "t.md:10: unknown activation `swish` (allowed: linear, relu, leaky-relu, sigmoid, tanh, softmax)",
      "t.md:11: unknown view `graph` (allowed: loss, weights, network, bowl, boundary, accuracy, digit, filters, feature-maps, convolution, probabilities, confusion, mistakes, draw, unrolled, gates, gradient-flow, sequence-fit)",
      "t.md:12: unknown control `rewind` (allowed: play, step, learning-rate, batch, optimizer, activation, speed, reset, seed, model, layers, neurons, features, regularization, dropout, noise, split, data, edit-weights, or `all` instead of a list)",
      "t.md:13: `learning-rate` must be a number above 0 (at most 100)",
      "t.md:14: `batch` must be `full`, `1` (one sample per step) or a batch size above 1",
      "t.md:15: unknown key `colour` in lab (known: dataset, model, layers, activation, output-activation, loss, optimizer, learning-rate, batch, seed, views, controls, regularization, dropout, initialisation, pace, steps-per-tick, speed, bowl-parameters, train-samples, noise, classes, test-shift, length, models, optimizers, features, setup, race, pretrain, transfer, freeze)",
      "t.md:16: unknown regularization `l3` (allowed: l1, l2)",
    ])
  }

  @Test func transferKeysAreReadAndChecked() throws {
    let good = """
      ```lab
      dataset: digits
      model: "conv 8 3x3 relu, maxpool 2, dense 10 softmax"
      classes: [5, 6, 7, 8, 9]
      pretrain:
        classes: [0, 1, 2, 3, 4]
        steps: 30
      transfer: [1]
      freeze: [1]
      ```
      """
    let lesson = Lesson.parse(text: lessonText(good), fileName: "t.md")
    #expect(lesson.problems.isEmpty, "\(lesson.problems)")
    let lab = try #require(lesson.lesson?.pages.first?.lab)
    #expect(lab.pretraining == LabSpec.Pretraining(classes: [0, 1, 2, 3, 4], steps: 30))
    #expect(lab.transferredItems == [1] && lab.frozenItems == [1] && lab.transfers)
    #expect(lab.trainingConfiguration.frozenItems == [1])
    #expect(lab.pretrainingLab?.classes == [0, 1, 2, 3, 4])
    let configuration = try lab.configurationWithPretraining()
    #expect(Set(configuration.startingParameters.keys) == ["conv1.kernel", "conv1.bias"])
    #expect(configuration.fromScratch.startingParameters.isEmpty && configuration.fromScratch.frozenItems.isEmpty)

    // The fence is file line 8; problems come sorted by line.
    let bad = """
      ```lab
      dataset: digits
      model: "conv 8 3x3 relu, maxpool 2, dense 10 softmax"
      pretrain: {classes: [0, 12], steps: 30}
      transfer: [2, 7]
      freeze: first
      ```
      """
    #expect(problems(in: lessonText(bad)) == [
      "t.md:11: `pretrain` `classes`: `digits` has classes 0 to 9, not 12",
      "t.md:12: `transfer`: layer 2 (maxpool 2) has no weights",
      "t.md:12: `transfer`: the model has 3 layers, not 7",
      "t.md:13: `freeze` must be a list of the model's layers, counting from 1, e.g. [1] for the first",
    ])
    #expect(problems(in: lessonText("```lab\ndataset: digits\ntransfer: [1]\n```")) == [
      "t.md:10: `transfer` needs `pretrain`: the network the layers come from",
    ])
    #expect(problems(in: lessonText("```lab\ndataset: digits\npretrain: {steps: 0}\n```")) == [
      "t.md:10: `pretrain` must be `{steps: N}` or `{classes: [0, 1, 2, 3, 4], steps: N}` with N from 1 to 5000",
      "t.md:10: `pretrain` without `transfer` carries nothing over; name the layers, e.g. `transfer: [1]`",
    ])
  }

  @Test func labWithoutDatasetAndDuplicateKeys() {
    let body = "```lab\nlayers: [2]\nlayers: [3]\n```"
    #expect(problems(in: lessonText(body)) == [
      "t.md:8: lab has no `dataset` (one of \(Self.datasets))",
      "t.md:10: duplicate key `layers` in lab",
    ])
  }

  @Test func bowlViewNeedsParametersUnlessThereAreTwo() throws {
    let needs = "```lab\ndataset: house\nviews: [bowl]\n```"
    #expect(problems(in: lessonText(needs)) == [
      "t.md:8: the `bowl` view needs `bowl-parameters: [<x>, <y>]` (network 3 → 1 has 4 parameters)",
    ])
    let sine = Lesson.parse(text: lessonText("```lab\ndataset: sine\nviews: [bowl]\n```"), fileName: "t.md")
    #expect(sine.problems == [])
    let lab = try #require(sine.lesson?.pages.first?.lab)
    let network = try lab.trainingConfiguration.buildNetwork()
    #expect(lab.effectiveBowlParameters(in: network)?.map(\.description) == ["w1[0,0]", "b1[0]"])
  }

  @Test func badYAMLIsReportedAtItsFileLine() {
    let body = "text\n\n```lab\ndataset: line\nlayers: [1, 2\n```"
    let found = problems(in: lessonText(body))
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("t.md:1") == true)
    #expect(found.first?.contains("bad YAML") == true)
    let tabs = problems(in: lessonText("```quiz\nquestion: q\n\tchoices: x\n```"))
    #expect(tabs.first?.hasPrefix("t.md:10: bad YAML") == true)
  }

  @Test func goalParameterNamesAreCheckedAgainstTheNetwork() {
    let body = """
      ```lab
      dataset: house
      ```
      ```goal
      weights:
        w.size: 0.3
        w.bedrooms: 0.1
        w.colour: 1
        b: 2
        w1[0,3]: 1
        w2[0,0]: 1
        v1[0]: 1
      tolerance: 0.01
      ```
      """
    #expect(problems(in: lessonText(body)) == [
      "t.md:15: the dataset has no feature `colour` (features: size, bedrooms, location)",
      "t.md:17: parameter `w1[0,3]` does not exist in the lab's network 3 → 1",
      "t.md:18: parameter `w2[0,0]` does not exist in the lab's network 3 → 1",
      "t.md:19: parameter `v1[0]` does not exist in the lab's network 3 → 1",
    ])
  }

  @Test func aliasesNeedASingleNeuron() {
    let body = "```lab\ndataset: xor\nlayers: [2]\n```\n```goal\nweights: {b: 1, \"w2[0,1]\": 0.5, \"b1[1]\": 0}\n```"
    #expect(problems(in: lessonText(body)) == [
      "t.md:13: `b` works only for a single neuron (no hidden layers); this network is 2 → 2 → 1, name it like w1[0,0]",
    ])
  }

  @Test func goalWithEveryKeyParses() throws {
    let body = """
      ```lab
      dataset: circle
      layers: [3]
      ```

      ```goal
      train-loss-below: 0.1
      test-loss-below: 0.2
      accuracy-above: 0.9
      diverged: false
      weights:
        w1[2,1]: 0.5
      tolerance: 0.2
      within-steps: 1000
      hint: Try relu.
      hint-after-seconds: 30
      message: Nice.
      ```
      """
    let result = Lesson.parse(text: lessonText(body), fileName: "t.md")
    #expect(result.problems.isEmpty)
    let page = try #require(result.lesson?.pages.first)
    #expect(page.checkpoints == [
      .goal(
        GoalSpec(
          trainLossBelow: 0.1, testLossBelow: 0.2, accuracyAbove: 0.9, diverged: false,
          weightTargets: [.init(parameter: .weight(layer: 0, output: 2, input: 1), value: 0.5)],
          tolerance: 0.2, withinSteps: 1000, hint: "Try relu.", hintAfterSeconds: 30, message: "Nice.",
          line: 13)),
    ])
  }

  @Test func goalProblems() {
    let body = """
      ```goal
      train-loss-below: 0.1
      ```
      +++
      ```lab
      dataset: line
      ```
      ```goal
      accuracy-above: 1.5
      within-steps: -3
      hint-after-steps: 10
      speed: 2
      ```
      ```goal
      message: nothing to do
      ```
      """
    #expect(problems(in: lessonText(body)) == [
      "t.md:8: a goal needs a lab on the same page (add a ```lab block)",
      "t.md:15: goal sets when to show a hint but has no `hint`",
      "t.md:16: `accuracy-above` must be a fraction from 0 to 1 (0.9 = 90%)",
      "t.md:16: `accuracy-above` needs a classification dataset; `line` is regression",
      "t.md:17: `within-steps` must be a whole number of steps, 1 or more",
      "t.md:19: unknown key `speed` in goal (known: train-loss-below, test-loss-below, accuracy-above, diverged, weights, tolerance, within-steps, hint, hint-after-steps, hint-after-seconds, message)",
      "t.md:21: goal has no condition (give train-loss-below, test-loss-below, accuracy-above, diverged or weights)",
    ])
  }

  @Test func quizProblems() {
    let body = """
      ```quiz
      question: Which?
      choices: [a, b]
      ```
      +++
      ```quiz
      question: Which?
      choices: [a, b]
      answer: 3
      hint: no
      ```
      +++
      ```quiz
      question: Which?
      choices: [only one]
      answer: 1
      ```
      +++
      ```quiz
      answer: b
      ```
      """
    #expect(problems(in: lessonText(body)) == [
      "t.md:8: quiz has no correct answer: add `answer: <number of the right choice, from 1>`",
      "t.md:16: quiz has no correct answer: `answer` must be a choice number from 1 to 2",
      "t.md:17: unknown key `hint` in quiz (known: question, choices, answer, explain)",
      "t.md:22: `choices` must be a list of 2 to 9 texts",
      "t.md:26: quiz has no `question`",
      "t.md:26: quiz has no `choices`",
    ])
  }

  @Test func frontMatterProblems() {
    #expect(problems(in: "# no front matter") == [
      "t.md:1: missing front matter: the file must start with a `---` line, then id, title, order, summary, then `---`",
    ])
    #expect(problems(in: "---\nid: x\n") == ["t.md:1: front matter is not closed: add a `---` line after its fields"])
    let text = "---\nid: Bad Id\norder: first\ntitle: ''\nauthor: me\n---\ntext"
    #expect(problems(in: text) == [
      "t.md:1: front matter is missing `summary`",
      "t.md:2: `id` must be lowercase letters, digits and dashes, e.g. `gradient-descent`",
      "t.md:3: `order` must be a whole number",
      "t.md:4: `title` must be text",
      "t.md:5: unknown key `author` in front matter (known: id, title, order, summary, requires)",
    ])
    #expect(problems(in: "---\nid: x\ntitle: T\norder: 1\nsummary: S\n---\n\n") == [
      "t.md:7: lesson has no pages: add Markdown text after the front matter",
    ])
  }

  @Test func unclosedSpecialBlocksAndSecondLab() {
    let body = "```lab\ndataset: line\n```\n```lab\ndataset: xor\n```\n```quiz\nquestion: q"
    #expect(problems(in: lessonText(body)) == [
      "t.md:11: a page may hold only one lab; start a new page with `+++`",
      "t.md:14: ```quiz block is not closed",
    ])
  }

  @Test func crlfAndEscapesInFilesAreHarmless() throws {
    let text = lessonText("# Title\u{1B}]0;pwned\u{07}\r\nbody \u{1B}[2J\r\n").replacingOccurrences(of: "\n", with: "\r\n")
    let result = Lesson.parse(text: text, fileName: "t\u{1B}[31m.md")
    #expect(result.problems.isEmpty)
    let lesson = try #require(result.lesson)
    #expect(lesson.fileName == "t.md")
    #expect(lesson.pages.first?.blocks == [.heading(level: 1, content: [Inline("Title")]), .paragraph([Inline("body")])])
  }

  @Test func hostileYAMLIsRefusedBeforeYams() {
    let deep = String(repeating: "[", count: 5_000)
    #expect(problems(in: lessonText("```lab\ndataset: \(deep)\n```")) == ["t.md:9: YAML is nested too deeply"])
    let indented = (0..<60).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
    #expect(problems(in: lessonText("```lab\n\(indented)\n```")).first == "t.md:58: YAML is indented more than 48 columns")
    let dashes = String(repeating: "- ", count: 1_000) + "x"
    #expect(problems(in: lessonText("```quiz\n\(dashes)\n```")) == ["t.md:9: YAML is nested too deeply"])
  }
}

/// A lab written as one `setup` string, as the playground's `v` shows it.
@Suite struct LabSetupKeyTests {
  static func lab(_ keys: String) -> (LabSpec?, [String]) {
    let text = lessonText("# Page\n\n```lab\n\(keys)\n```\n")
    let parsed = Lesson.parse(text: text, fileName: "t.md")
    return (parsed.lesson?.pages.first?.lab, parsed.problems.map(\.description))
  }

  @Test func aSetupStringIsTheKeysItSpells() throws {
    let (fromSetup, problems) = Self.lab("setup: 'circle;4,2;relu;opt=adam;lr=0.03;batch=10;l2=0.001;seed=4'\nviews: [boundary, loss]")
    #expect(problems.isEmpty, "\(problems)")
    let (fromKeys, _) = Self.lab("""
      dataset: circle
      layers: [4, 2]
      activation: relu
      optimizer: adam
      learning-rate: 0.03
      batch: 10
      regularization:
        l2: 0.001
      seed: 4
      dropout: 0
      views: [boundary, loss]
      """)
    let setup = try #require(fromSetup)
    let keys = try #require(fromKeys)
    #expect(setup.trainingConfiguration == keys.trainingConfiguration)
    #expect(setup.views == [.boundary, .loss])
  }

  /// Whatever `v` shows for a shipped lab, pasted as `setup:`, trains the same run.
  @Test func everyShippedLabsSetupRebuildsIt() throws {
    let catalog = LessonCatalog.load(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Lessons").standardized)
    var checked = 0
    for lesson in catalog.lessons {
      for page in lesson.pages {
        guard let lab = page.lab else { continue }
        // Transfer labs start from another run's layers, which no setup string spells.
        if lab.transfers || !lab.trainingConfiguration.frozenItems.isEmpty { continue }
        let text = try RunSetup(data: lab.dataRecipe, configuration: lab.trainingConfiguration).text
        let (pasted, problems) = Self.lab("setup: '\(text)'")
        #expect(problems.isEmpty, "\(lesson.id): \(problems)")
        #expect(pasted?.trainingConfiguration == lab.trainingConfiguration, "\(lesson.id): \(text)")
        checked += 1
      }
    }
    #expect(checked > 20)
  }

  @Test(arguments: [
    ("setup: 'circle;4;lr=x'", "t.md:11: `setup`: lr: 'x' is not a number"),
    ("setup: 'circle;4'\nlearning-rate: 0.1", "t.md:12: `learning-rate` is also in `setup` (line 11): give the run's settings one way"),
    ("setup: 'circle;4;samples=50'", "t.md:11: `setup`: a lab has no `samples` setting (leave it out)"),
    ("setup: 'csv=a.csv;target=y'", "t.md:11: `setup`: a lab trains on a built-in dataset, not a CSV file"),
    ("setup: 'house;-;loss=bce'", "t.md:11: `setup`: loss: bce needs a classification dataset"),
  ])
  func mistakesPointAtTheLine(keys: String, expected: String) {
    let (_, problems) = Self.lab(keys)
    #expect(problems.contains { $0.hasPrefix(expected) }, "\(problems)")
  }
}
