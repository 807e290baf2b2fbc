// MARK: - Evaluation

extension TrainingSession {
  /// Recomputes loss and accuracy on both splits with the current parameters (evaluation mode:
  /// no dropout, batch norm's running averages), and records them.
  public mutating func evaluate() {
    let penalty = regularization == .none ? 0 : regularization.penalty(of: network)
    let train = measure(inputs: data.trainInputs, targets: data.trainTargets, columns: data.trainColumns)
    var metrics = Metrics(
      trainLoss: train.loss + penalty, trainAccuracy: train.accuracy, regularizationPenalty: penalty,
      step: stepCount)
    if data.testInputs.count > 0 {
      let test = measure(inputs: data.testInputs, targets: data.testTargets, columns: data.testColumns)
      metrics.testLoss = test.loss
      metrics.testAccuracy = test.accuracy
    }
    self.metrics = metrics
    workSinceEvaluation = 0
    let step = stepCount
    if monitor.check(metrics.trainLoss, .training, step: step)
      || metrics.testLoss.map({ monitor.check($0, .test, step: step) }) == true
    {
      return
    }
    recorder.history.trainLoss.append(metrics.trainLoss, step: step)
    if let testLoss = metrics.testLoss { recorder.history.testLoss.append(testLoss, step: step) }
    if let accuracy = metrics.trainAccuracy { recorder.history.trainAccuracy.append(accuracy, step: step) }
    if let accuracy = metrics.testAccuracy { recorder.history.testAccuracy.append(accuracy, step: step) }
  }

  /// Evaluates when a step was taken since the last evaluation: what a view calls before it
  /// shows the split metrics.
  public mutating func refreshMetrics() {
    if metrics.step != stepCount, !isDiverged { evaluate() }
  }

  var isDiverged: Bool {
    if case .diverged = state { return true }
    return false
  }

  /// Mean data loss and (for classification) accuracy over one split.
  private mutating func measure(inputs: Samples, targets: Samples, columns: FeatureColumns) -> (loss: Double, accuracy: Double?) {
    if evaluatesThroughLinearModelPass, inputs.count > 0 {
      return (linearModelLoss(columns: columns, targets: targets), nil)
    }
    return network.measure(
      inputs: inputs, targets: targets, loss: lossFunction, classifies: data.classCount != nil,
      workspace: &workspace, columns: columns)
  }

  /// Whether evaluation takes the linear model's training sweep: a regression needs only its
  /// loss (classification keeps the layer path for its accuracy).
  var evaluatesThroughLinearModelPass: Bool { takesLinearModelPass && data.classCount == nil }

  /// A linear model's mean data loss over one split through the sweep that trains it, without
  /// its gradients (see `LinearModelPass`): one read of the split instead of a forward pass,
  /// then a loss pass over its outputs.
  private func linearModelLoss(columns: FeatureColumns, targets: Samples) -> Double {
    let featureCount = network.inputCount
    let count = targets.count
    let squares = network.parameters.withReadOnlyBase { parameters in
      columns.withReadOnlyBase { columns in
        targets.values.withReadOnlyBase { targets in
          LinearModelPass.sumOfSquaredErrors(
            columns: columns, stride: count, featureCount: featureCount, targets: targets, batch: count,
            weights: parameters, bias: parameters[featureCount])
        }
      }
    }
    return lossFunction.ofSquaredErrors(squares) / Double(count)
  }
}
