import Testing

@testable import NeuralEngine

/// The setup string: every setting written and read back exactly, the same configuration from
/// the string as from the settings, and one clear line for every mistake.
@Suite struct RunSetupTests {
  // MARK: - Round trips over many setups

  /// A setup drawn at random from every option's values (data variations only where they apply).
  static func randomSetup(_ generator: inout SplitMix64) -> RunSetup {
    func pick<T>(_ values: [T]) -> T { values[Int(generator.next() % UInt64(values.count))] }
    func maybe<T>(_ value: @autoclosure () -> T) -> T? { generator.next() % 2 == 0 ? value() : nil }
    func number() -> Double { pick([0.03, 0.1, 1e-5, 2.5, 0.1 + 0.2, 1.0 / 3, 7e-300, 0.5]) }
    let name = pick(DatasetName.allCases)
    var data = DataRecipe(source: .builtIn(name), seed: generator.next() % 5 == 0 ? generator.next() : UInt64(generator.next() % 100))
    data.sampleCount = maybe(Int(2 + generator.next() % 5000))
    data.trainSamples = maybe(Int(2 + generator.next() % 500))
    if Dataset.standardNoise(name) != nil { data.noise = maybe(pick([0, 0.05, 0.1 + 0.2, 10])) }
    if Dataset.standardTestFraction(name) != nil { data.testFraction = maybe(pick([0.1, 0.5, 0.19999999999999996, 0.9])) }
    if name.isSequence { data.length = maybe(2 * Int(1 + generator.next() % 40)) }
    if name == .digits {
      data.classes = maybe([5, 6, 7, 8, 9])
      data.testShift = maybe(Int(generator.next() % 17) - 8)
    } else if name.isClassification {
      data.classes = maybe([1, 0])
    }
    if generator.next() % 7 == 0 {
      // A CSV file takes no variations; its path and column may hold `;` and `%`.
      data = DataRecipe(source: .csv(path: pick(["a.csv", "dir/odd;name%.csv", "x y.csv"]), target: pick(["price", "a;b"])), seed: data.seed)
    }
    var setup = RunSetup(data: data)
    if generator.next() % 3 == 0 {
      setup.model = pick([
        try! ModelDescription(parsing: "dense 8 relu, dropout 0.25, dense 1"), try! ModelDescription(parsing: "conv 4 3x3 stride 2 pad 1 relu, maxpool 2, dense 10 softmax"),
        try! ModelDescription(parsing: "lstm 16 sequences, rnn 4, dense 1"), try! ModelDescription(parsing: "tanh"),
      ])
    } else {
      setup.hiddenLayers = pick([[], [4, 2], [8], [1024, 1, 3]])
    }
    setup.activation = pick(Activation.allCases)
    setup.outputActivation = maybe(pick(Activation.allCases))
    setup.loss = maybe(pick(LossFunction.allCases))
    setup.optimizer = pick(OptimizerKind.allCases)
    setup.learningRate = number()
    setup.batchMode = maybe(pick([BatchMode.fullBatch, .stochastic, .miniBatch(size: 2), .miniBatch(size: 37)]))
    setup.regularization = pick([Regularization.none, .l1(number()), .l2(number()), .l2(0)])
    setup.dropout = pick([0, 0.25, 0.1 + 0.2, 0.999])
    setup.initialisation = maybe(pick(WeightInitialisation.allCases))
    setup.seed = pick([0, 1, 42, UInt64.max, generator.next()])
    setup.gradientClip = pick([GradientClip.automatic, .off, .norm(1), .norm(number())])
    setup.epochs = maybe(Int(1 + generator.next() % 1_000_000))
    // Input features (any order; the plain `x1,x2` is written as none), for 2-D data mostly.
    if generator.next() % (name.isClassification && !name.isSequence && name != .digits ? 2 : 9) == 0 {
      setup.inputFeatures = pick([[.x1Squared, .x2Squared], [.x1, .x2, .x1TimesX2, .sinX1, .sinX2], [.x2], [.sinX2, .x1]])
    }
    return setup
  }

  @Test func everySetupReadsBackAsItself() throws {
    var generator = SplitMix64(seed: 12)
    for _ in 0..<2000 {
      let setup = Self.randomSetup(&generator)
      let text = setup.text
      let read = try RunSetup(parsing: text)
      #expect(read == setup, "\(text)")
      #expect(read.text == text)
      #expect(!text.contains("\n"))
    }
  }

  /// From a setup to the engine's configuration and back, the same setup (its batch mode then
  /// explicit), and the same configuration again: what the playground shows with `v` builds
  /// the run it shows.
  @Test func configurationsRoundTripThroughTheirSetup() throws {
    var generator = SplitMix64(seed: 7)
    var built = 0
    for _ in 0..<600 {
      var setup = Self.randomSetup(&generator)
      setup.epochs = nil
      // Small draws keep the test quick (a large `train-samples` multiplies the rows drawn).
      setup.data.sampleCount = setup.data.sampleCount.map { min($0, 300) }
      setup.data.trainSamples = setup.data.trainSamples.map { min($0, 100) }
      guard case .builtIn = setup.data.source, let configuration = try? setup.trainingConfiguration() else { continue }
      built += 1
      let described = try RunSetup(data: setup.data, configuration: configuration)
      var expected = setup
      expected.batchMode = configuration.batchMode
      #expect(described == expected)
      #expect(try RunSetup(parsing: described.text).trainingConfiguration() == configuration)
    }
    #expect(built > 100, "enough random setups are buildable to mean something")
  }

  @Test func theIssuesExampleAndItsLongForm() throws {
    let short = try RunSetup(parsing: "circle;4,2;tanh;lr=0.03")
    let long = try RunSetup(parsing: " dataset = circle ; layers=4,2; activation=tanh ;learning-rate=0.03;optimizer=sgd;seed=1 ")
    #expect(short == long)
    #expect(short.text == "circle;4,2;tanh;opt=sgd;lr=0.03;seed=1")
    #expect(short.data == DataRecipe(source: .builtIn(.circle), seed: 1))
    #expect(short.hiddenLayers == [4, 2])
  }

  /// What the playground's reshaping keys change: input features, the split and the noise of a
  /// 2-D set, all in the string and all in the run it builds.
  @Test func inputFeaturesTheSplitAndNoiseOfATwoDimensionalSet() throws {
    let setup = try RunSetup(parsing: "circle;4;features=x1-squared,x2-squared,x1-times-x2;l1=0.003;drop=0.2;noise=0.1;test-fraction=0.5")
    #expect(setup.inputFeatures == [.x1Squared, .x2Squared, .x1TimesX2])
    #expect(setup.text == "circle;4;tanh;features=x1-squared,x2-squared,x1-times-x2;opt=sgd;lr=0.1;l1=0.003;drop=0.2;seed=1;noise=0.1;test-fraction=0.5")
    let configuration = try setup.trainingConfiguration()
    #expect(configuration.inputFeatures == [.x1Squared, .x2Squared, .x1TimesX2])
    #expect(configuration.networkInputShape == TensorShape([3]))
    #expect(configuration.dataset.trainInputs.count == 200, "half of circle's 400 rows train")
    #expect(configuration.dataset == Dataset.builtIn(.circle, seed: 1, noise: 0.1, testFraction: 0.5))
    let described = try RunSetup(data: setup.data, configuration: configuration)
    #expect(described.inputFeatures == setup.inputFeatures)
    #expect(try RunSetup(parsing: described.text).trainingConfiguration() == configuration)
    // The plain inputs are no features at all; `inputs` is the long name.
    #expect(try RunSetup(parsing: "circle;4;inputs=x1,x2").inputFeatures == nil)
  }

  @Test func featuresAreRefusedWhereTheyCannotBeComputed() throws {
    #expect(throws: RunSetup.SetupError(
      "are computed from the two inputs of 2-D data (xor, circle, gaussians, spiral); 'house' has 3", field: "features")) {
      try RunSetup(parsing: "house;-;features=x1-squared").trainingConfiguration()
    }
    #expect(throws: RunSetup.SetupError.self) { try RunSetup(parsing: "circle;-;features=x3") }
    #expect(throws: RunSetup.SetupError("a feature is named twice", field: "features")) {
      try RunSetup(parsing: "circle;-;features=x1,x1")
    }
    #expect(throws: RunSetup.SetupError("'digits' keeps its own train/test split", field: "test-fraction")) {
      try RunSetup(parsing: "digits;-;test-fraction=0.5")
    }
    #expect(throws: RunSetup.SetupError.self) { try RunSetup(parsing: "spiral;-;noise=11") }
  }

  @Test func aModelDescriptionTakesTheNetworkPlace() throws {
    let setup = try RunSetup(parsing: "digits;conv 8 3x3 relu, maxpool 2, dense 10 softmax;opt=adam;lr=0.01;batch=32;classes=0,1,2")
    #expect(setup.model == (try ModelDescription(parsing: "conv 8 3x3 relu, maxpool 2, dense 10 softmax")))
    #expect(setup.batchMode == .miniBatch(size: 32))
    #expect(setup.data.classes == [0, 1, 2])
  }

  /// What `v` shows may wrap at `;` when copied from an 80-column screen: line ends between
  /// fields are ignored.
  @Test func aStringCopiedAcrossLinesReadsTheSame() throws {
    let text = "sine-wave;lstm 16, dense 1;opt=adam;lr=0.02;batch=20;seed=1;length=40"
    let wrapped = text.replacingOccurrences(of: "batch=20;", with: "batch=20;\n  ")
    #expect(try RunSetup(parsing: wrapped) == (try RunSetup(parsing: text)))
  }

  @Test func aSingleNeuronIsADash() throws {
    let setup = try RunSetup(parsing: "house;-;linear;lr=0.5;batch=full")
    #expect(setup.hiddenLayers.isEmpty && setup.model == nil)
    #expect(setup.text.hasPrefix("house;-;linear;"))
  }

  @Test func aDifferentDataSeedIsWrittenOnlyWhenItDiffers() throws {
    var setup = try RunSetup(parsing: "circle;4;tanh;seed=5")
    #expect(setup.data.seed == 5)
    #expect(!setup.text.contains("dataseed"))
    setup.seed = 6
    #expect(setup.text.contains("seed=6;dataseed=5"))
    #expect(try RunSetup(parsing: setup.text) == setup)
  }

  // MARK: - Mistakes

  @Test(arguments: [
    ("", "no dataset"),
    ("moon", "data: 'moon' is unknown (choose house"),
    ("circle;4,2;tanh;lr=fast", "lr: 'fast' is not a number"),
    ("circle;4,2;tanh;lr=0", "lr: must be a number greater than 0"),
    ("circle;4,2;tanh;lr=1;lr=2", "'lr' is given twice"),
    ("circle;4,2;model=dense 1", "the network is given twice"),
    ("circle;4,2;tanh;colour=red", "unknown field 'colour' (known: data, csv"),
    ("circle;4,2;tanh;sgd", "'sgd' needs a key"),
    ("circle;4,x", "model: layer 1 '4': unknown layer '4'"),
    ("circle;4,0", "layers: sizes must be from 1 to"),
    ("circle;4;batch=0", "batch: '0' is not full, 1 or a mini-batch size"),
    ("circle;4;opt=rmsprob", "opt: 'rmsprob' is unknown (choose sgd"),
    ("circle;4;l1=0.1;l2=0.1", "give l1 or l2, not both"),
    ("circle;4;drop=1", "drop: must be from 0 up to (not including) 1"),
    ("circle;4;clip=-1", "clip: must be a number above 0, or off"),
    ("circle;4;seed=-1", "seed: '-1' is not a seed"),
    ("digits;-;noise=0.1", "noise: applies to house, coffee, line, xor, circle, gaussians, spiral, sine, clumps, sine-wave, not 'digits'"),
    ("digits;-;test-fraction=0.5", "test-fraction: 'digits' keeps its own train/test split"),
    ("circle;-;features=x1,sin", "features: 'sin' is not an input feature"),
    ("circle;4;length=10", "length: applies to sequence datasets"),
    ("adding;lstm 4, dense 1;length=7", "length: the adding problem needs an even length"),
    ("circle;4;classes=0,5", "classes: 'circle' has classes 0 to 1, not 5"),
    ("circle;4;test-shift=1", "test-shift: applies to image datasets"),
    ("circle;4;samples=1", "samples: must be from 2 to 100000"),
    ("circle;4;epochs=0", "epochs: must be from 1 to 1000000"),
    ("circle;csv=a.csv;target=y", "give a dataset or csv=FILE, not both"),
    ("csv=a.csv", "csv=FILE needs target=COLUMN"),
    ("circle;target=y", "target= only applies with csv=FILE"),
    ("csv=a.csv;target=y;noise=1", "noise: applies to the built-in datasets, not to a CSV file"),
  ])
  func mistakesAreOneLineNamingTheField(text: String, expected: String) {
    do {
      _ = try RunSetup(parsing: text)
      Issue.record("'\(text)' was accepted")
    } catch {
      #expect(error.description.contains(expected), "\(error.description)")
      #expect(!error.description.contains("\n"))
    }
  }

  @Test func settingsTheBuiltNetworkRejectsAreOneLine() throws {
    let setup = try RunSetup(parsing: "digits;dense 5 softmax")
    do {
      _ = try setup.trainingConfiguration()
      Issue.record("a 5-output network was built for 10 classes")
    } catch {
      #expect(error.field == "model")
      #expect(error.description.contains("the last layer gives 5 outputs, but digits has 10 classes"))
    }
    let regression = try RunSetup(parsing: "house;-;loss=bce")
    #expect(throws: RunSetup.SetupError.self) { try regression.trainingConfiguration() }
  }

  @Test func aConfigurationASetupCannotSpellIsRefusedByName() throws {
    var configuration = try RunSetup(parsing: "circle;4").trainingConfiguration()
    let recipe = DataRecipe(source: .builtIn(.circle))
    configuration.frozenItems = [1]
    #expect(throws: RunSetup.SetupError("a run with frozen layers has no setup string")) {
      try RunSetup(data: recipe, configuration: configuration)
    }
    configuration.frozenItems = []
    configuration.initialBias = 0.1
    #expect(throws: RunSetup.SetupError.self) { try RunSetup(data: recipe, configuration: configuration) }
  }

  /// A lab's data through its recipe is what it was before recipes existed.
  @Test func aRecipeDrawsWhatTheDatasetCallsDraw() throws {
    let recipe = DataRecipe(source: .builtIn(.sineWave), seed: 4, noise: 0.2, length: 12)
    #expect(try recipe.drawn().dataset == Dataset.builtIn(.sineWave, seed: 4, noise: 0.2, length: 12))
    let digits = DataRecipe(source: .builtIn(.digits), seed: 2, trainSamples: 30, classes: [3, 4], testShift: 1)
    let expected = Dataset.builtIn(.digits, seed: 2).keepingClasses([3, 4]).limitingTraining(to: 30).shiftingTestImages(right: 1)
    #expect(try digits.drawn().dataset == expected)
  }
}
