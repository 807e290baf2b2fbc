/// The built-in datasets, by the name the CLI and lessons use.
public enum DatasetName: String, CaseIterable, Sendable, Codable {
  case house, coffee, line, xor, circle, gaussians, spiral, sine
  /// Three clumps of points one tanh neuron cannot pass through at once: its loss over (w, b)
  /// has a shallow dip and a deeper valley (the learning-rate lesson's local minimum).
  case clumps
  /// The 1,797 8×8 handwritten digits (images, 10 classes).
  case digits
  /// W5's adding problem: sum the two marked values of a sequence (regression).
  case adding
  /// Recall the bit marked early in a long sequence of random bits (2 classes).
  case recall
  /// Predict the next value of a noisy sine from the last values (regression).
  case sineWave = "sine-wave"

  /// The longest sequence a built-in sequence dataset draws (keeps memory and run time sane).
  public static let maximumSequenceLength = 1000

  /// Whether the dataset is made of sequences (`[time steps, features]`) whose length can be
  /// chosen with `Dataset.builtIn(_:seed:sampleCount:noise:length:)`.
  public var isSequence: Bool {
    defaultLength != nil
  }

  /// The number of time steps a sequence dataset has unless told otherwise; nil for the others.
  public var defaultLength: Int? {
    switch self {
    case .adding: return AddingProblem.defaultLength
    case .recall: return RecallTask.defaultLength
    case .sineWave: return SineWaveSeries.defaultLength
    case .house, .coffee, .line, .xor, .circle, .gaussians, .spiral, .sine, .clumps, .digits: return nil
    }
  }

  /// Why `length` cannot be this dataset's sequence length, in one line, or nil when it can
  /// (always nil for datasets that are not sequences: they ignore the length).
  public func lengthProblem(_ length: Int) -> String? {
    switch self {
    case .adding:
      guard length >= 2, length % 2 == 0, length <= Self.maximumSequenceLength else {
        return "the adding problem needs an even length from 2 to \(Self.maximumSequenceLength) (got \(length))"
      }
    case .recall, .sineWave:
      guard (1...Self.maximumSequenceLength).contains(length) else {
        return "\(rawValue) needs a length from 1 to \(Self.maximumSequenceLength) (got \(length))"
      }
    case .house, .coffee, .line, .xor, .circle, .gaussians, .spiral, .sine, .clumps, .digits:
      break
    }
    return nil
  }

  /// Whether the dataset asks for classes (accuracy applies) rather than numbers.
  public var isClassification: Bool {
    switch self {
    case .house, .coffee, .line, .sine, .clumps, .adding, .sineWave: false
    case .xor, .circle, .gaussians, .spiral, .digits, .recall: true
    }
  }

  /// How `descent train` batches this dataset unless told: mini-batches of 32 for the image
  /// and sequence sets (a full batch would give them far too few updates), the whole set for
  /// the small 2-D and regression sets.
  public var suggestedBatchMode: BatchMode {
    switch self {
    case .digits, .adding, .recall, .sineWave: .miniBatch(size: 32)
    case .house, .coffee, .line, .xor, .circle, .gaussians, .spiral, .sine, .clumps: .fullBatch
    }
  }
}
