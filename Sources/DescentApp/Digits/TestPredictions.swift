import NeuralEngine

/// The model's guess for every test sample of a classification dataset, with the true classes:
/// what the confusion matrix and the gallery of mistakes are drawn from.
struct TestPredictions: Equatable {
  /// True class of each test sample.
  let labels: [Int]
  /// The class the model gives the highest probability (the first of equals), per sample.
  let guesses: [Int]
  let classCount: Int

  /// The session's network run over its test split; nil for regression or an empty split.
  init?(session: TrainingSession) {
    let dataset = session.configuration.dataset
    guard case .classification(let classCount) = dataset.task, dataset.testInputs.count > 0 else { return nil }
    let outputs = session.network.predictions(dataset.testInputs)
    var labels: [Int] = [], guesses: [Int] = []
    for row in 0..<dataset.testInputs.count {
      labels.append(Int(dataset.testTargets[row].first ?? 0))
      let output = Array(outputs[row])
      if output.count == 1 {
        guesses.append((output[0].isFinite && output[0] >= 0.5) ? 1 : 0)
      } else {
        guesses.append(ClassProbabilitiesView.guess(output) ?? 0)
      }
    }
    self.labels = labels
    self.guesses = guesses
    self.classCount = classCount
  }

  /// `counts[label][guess]`: how often each true class got each guess.
  var confusion: [[Int]] {
    var counts = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: classCount)
    for (label, guess) in zip(labels, guesses) where (0..<classCount).contains(label) && (0..<classCount).contains(guess) {
      counts[label][guess] += 1
    }
    return counts
  }

  /// Indices of the test samples guessed wrong, in split order.
  var mistakes: [Int] {
    labels.indices.filter { labels[$0] != guesses[$0] }
  }

  /// The fraction guessed right (0 when there are no samples).
  var accuracy: Double {
    labels.isEmpty ? 0 : Double(labels.count - mistakes.count) / Double(labels.count)
  }
}
