// MARK: - Training

extension TrainingSession {
  /// Trains on one batch: forward, loss, backward, update; then records and judges the step.
  /// A diverged session does nothing.
  public mutating func step() {
    if case .diverged = state { return }
    monitor.resume()
    let size = schedule.nextBatchSize(
      batchSize: batchSize, wholeSet: batchMode == .fullBatch, generator: &generator)
    let lossSum = takesLinearModelPass ? accumulateLinearModelGradients(batchSize: size) : accumulateGradients(batchSize: size)
    let penalty = regularization == .none ? 0 : regularization.penalty(of: network)
    let batchLoss = lossSum / Double(size) + penalty
    let step = stepCount + 1

    if monitor.check(batchLoss, .batch, step: step) {
      stop()
      return
    }
    let finite = Self.update(
      parameters: &network.parameters, gradients: &gradients, optimizer: &optimizer, recorder: &recorder,
      ranges: ranges, regularization: regularization)
    guard finite else {
      monitor.stopForNonFiniteGradient(step: step)
      stop()
      return
    }

    let endedEpoch = schedule.advance(by: size)
    recorder.history.batchLoss.append(batchLoss, step: step)
    // In evaluation passes of one sample, a training sample costs 1.5 to 8 (the least for the
    // digits CNN, whose first layer needs no input gradient and whose forward im2col, pooling
    // and softmax are not repeated backwards): counted at the least, evaluation stays under a
    // tenth of training for every network measured. A linear model's sweep counts as one such
    // pass where a regression evaluates through the same sweep without its gradients (which
    // costs 0.7 of it: W1's evaluation is 7 % of its training), and half of one against the
    // separate forward and loss passes that classification needs (for its accuracy).
    let sampleCost = evaluatesThroughLinearModelPass ? 1 : takesLinearModelPass ? 0.5 : 1.5
    workSinceEvaluation += sampleCost * Double(size)
    epochLossSum += batchLoss
    epochLossCount += 1
    if endedEpoch { finishEpoch() }
    if evaluationIsDue() { evaluate() }
  }

  /// Takes `count` steps, stopping early when the run diverges or converges (the next `step`
  /// resumes a converged run).
  public mutating func step(count: Int) {
    step(count: count) { _ in }
  }

  /// What one step left behind, for a caller that records every step (the playground's run log).
  public struct StepReport: Equatable, Sendable {
    /// The step taken (the first is 1).
    public var step: Int
    /// Epochs completed after it.
    public var epoch: Int
    /// The mean loss of its batch (with the penalty), before its update.
    public var batchLoss: Double
    /// The last measurement of both splits (taken after this step when `metrics.step == step`).
    public var metrics: Metrics
  }

  /// `step(count:)`, telling `observe` about every step taken (a step the run stopped at,
  /// diverging, is not taken and not reported).
  public mutating func step(count: Int, observe: (StepReport) -> Void) {
    for _ in 0..<count {
      if case .diverged = state { return }
      let before = stepCount
      step()
      if stepCount > before, let batchLoss = recorder.history.batchLoss.lastValue {
        observe(StepReport(step: stepCount, epoch: epochCount, batchLoss: batchLoss, metrics: metrics))
      }
      if state == .converged { return }
    }
  }

  /// Steps until the current epoch ends (a whole epoch when at its start), or the run diverges.
  public mutating func runEpoch() {
    let epoch = epochCount
    while epochCount == epoch {
      if case .diverged = state { return }
      step()
    }
  }

  /// Adds the step's change to the parameters and records them (see `Optimizer.step`); returns
  /// false, changing nothing, when a gradient is not finite.
  ///
  /// Static, taking what it reads as borrowed arguments beside the buffers it changes, so the
  /// step reads the session's arrays in place: inside closures over a mutable `self`, each read
  /// of an array property would retain it and release it again.
  private static func update(
    parameters: inout [Double], gradients: inout [Double], optimizer: inout Optimizer,
    recorder: inout TrainingRecorder, ranges: [Optimizer.Range], regularization: Regularization
  ) -> Bool {
    let count = parameters.count
    return parameters.withBase { parameters in
      gradients.withBase { gradients in
        recorder.recordStep { slot in
          optimizer.step(
            parameters: parameters, gradients: gradients, record: slot, count: count, ranges: ranges,
            regularization: regularization)
        }
      }
    }
  }

  /// Zeroes the gradients, then runs the next `batchSize` samples of the epoch forward and
  /// backward (in chunks when they exceed the workspace), leaving the mean gradient. Returns
  /// the summed data loss.
  private mutating func accumulateGradients(batchSize size: Int) -> Double {
    Self.accumulateGradients(
      batchPlan(size: size), layers: network.layers, plan: workspace.plan, order: schedule.order, data: data,
      parameters: &network.parameters, state: &network.state, gradients: &gradients, storage: &workspace.storage,
      targetBuffer: &targetBuffer, generator: &generator)
  }

  private func batchPlan(size: Int) -> BatchPlan {
    BatchPlan(
      size: size, start: schedule.position, inPlace: schedule.isStoredOrder, inputWidth: network.inputCount,
      outputWidth: network.outputCount, lossLayer: lossLayer, lossFunction: lossFunction)
  }

  /// The numbers that say which samples a batch takes and how its loss is found.
  private struct BatchPlan {
    let size: Int
    let start: Int
    let inPlace: Bool
    let inputWidth: Int
    let outputWidth: Int
    let lossLayer: Int
    let lossFunction: LossFunction
  }

  /// `accumulateGradients` on borrowed arrays (see `update` for why it is static).
  private static func accumulateGradients(
    _ batch: BatchPlan, layers: [Layer], plan: WorkspacePlan, order: [Int], data: TrainingData,
    parameters: inout [Double], state: inout [Double], gradients: inout [Double], storage: inout [Double],
    targetBuffer: inout [Double], generator: inout SplitMix64
  ) -> Double {
    let size = batch.size
    let inputWidth = batch.inputWidth
    let outputWidth = batch.outputWidth
    let lossLayer = batch.lossLayer
    let byFeature = !data.trainColumns.isEmpty
    let sampleCount = data.trainInputs.count
    var lossSum = 0.0
    gradients.withBase { gradients in
      gradients.update(repeating: 0, count: parameters.count)
      storage.withBase { storage in
        targetBuffer.withBase { gatheredTargets in
          parameters.withBase { parameters in
            state.withBase { state in
              data.trainInputs.values.withReadOnlyBase { trainInputs in
                data.trainColumns.withReadOnlyBase { trainColumns in
                data.trainTargets.values.withReadOnlyBase { trainTargets in
                  let pointers = PassPointers(
                    workspace: storage, parameters: parameters, gradients: gradients, state: state)
                  var done = 0
                  while done < size {
                    let count = Swift.min(plan.capacity, size - done)
                    let first = batch.start + done
                    let input: UnsafePointer<Double>
                    let targets: UnsafePointer<Double>
                    var columns: InputColumns?
                    if batch.inPlace {
                      input = trainInputs + first * inputWidth
                      targets = trainTargets + first * outputWidth
                      if byFeature { columns = InputColumns(base: trainColumns + first, stride: sampleCount) }
                    } else {
                      let inputBuffer = storage + plan.inputOffset
                      let columnBuffer = storage + plan.inputColumnsOffset
                      for row in 0..<count {
                        let source = order[first + row]
                        (inputBuffer + row * inputWidth).update(from: trainInputs + source * inputWidth, count: inputWidth)
                        (gatheredTargets + row * outputWidth).update(
                          from: trainTargets + source * outputWidth, count: outputWidth)
                        if byFeature {
                          for feature in 0..<inputWidth {
                            columnBuffer[feature * plan.capacity + row] = trainInputs[source * inputWidth + feature]
                          }
                        }
                      }
                      input = UnsafePointer(inputBuffer)
                      targets = UnsafePointer(gatheredTargets)
                      if byFeature { columns = InputColumns(base: UnsafePointer(columnBuffer), stride: plan.capacity) }
                    }
                    Network.forward(
                      layers, batch: count, input: input, columns: columns, plan: plan, pointers: pointers,
                      mode: .training, using: &generator)
                    let output = UnsafePointer(storage + plan.layers[layers.count - 1].output)
                    let combined = lossLayer != layers.count - 1
                    lossSum += batch.lossFunction.evaluate(
                      output: output,
                      logits: combined ? UnsafePointer(storage + plan.layers[lossLayer].output) : nil,
                      targets: targets, batch: count, width: outputWidth,
                      gradient: storage + plan.layers[lossLayer].outputGradient, meanOver: size)
                    Network.backward(
                      layers, batch: count, input: input, columns: columns, from: lossLayer, plan: plan,
                      pointers: pointers)
                    done += count
                  }
                }
                }
              }
            }
          }
        }
      }
    }
    return lossSum
  }

  /// The same for a linear model (`takesLinearModelPass`), in one sweep over the batch's
  /// columns: in place when the epoch keeps the stored order, else gathered into the workspace
  /// chunk by chunk.
  private mutating func accumulateLinearModelGradients(batchSize size: Int) -> Double {
    Self.accumulateLinearModelGradients(
      batchPlan(size: size), plan: workspace.plan, order: schedule.order, data: data,
      parameters: &network.parameters, gradients: &gradients, storage: &workspace.storage, targetBuffer: &targetBuffer)
  }

  /// `accumulateLinearModelGradients` on borrowed arrays (see `update` for why it is static).
  private static func accumulateLinearModelGradients(
    _ batch: BatchPlan, plan: WorkspacePlan, order: [Int], data: TrainingData, parameters: inout [Double],
    gradients: inout [Double], storage: inout [Double], targetBuffer: inout [Double]
  ) -> Double {
    let size = batch.size
    let start = batch.start
    let width = batch.inputWidth
    let sampleCount = data.trainInputs.count
    let capacity = plan.capacity
    let columnsOffset = plan.inputColumnsOffset
    // d(loss)/dz per unit of error: 2/n for the mean squared error, 1/n for half the square.
    let scale = (batch.lossFunction == .square ? 1 : 2) / Double(size)
    let squares = gradients.withBase { gradients in
      gradients.update(repeating: 0, count: width + 1)
      return parameters.withBase { parameters in
        data.trainColumns.withReadOnlyBase { trainColumns in
          data.trainTargets.values.withReadOnlyBase { trainTargets in
            if batch.inPlace {
              return LinearModelPass.run(
                columns: trainColumns + start, stride: sampleCount, featureCount: width, targets: trainTargets + start,
                batch: size, weights: parameters, bias: parameters[width], scale: scale, weightGradients: gradients,
                biasGradient: gradients + width)
            }
            return storage.withBase { storage in
              targetBuffer.withBase { gatheredTargets in
                order.withUnsafeBufferPointer { order in
                  var squares = 0.0
                  var done = 0
                  while done < size {
                    let count = Swift.min(capacity, size - done)
                    for row in 0..<count {
                      let source = order[start + done + row]
                      gatheredTargets[row] = trainTargets[source]
                      for feature in 0..<width {
                        storage[columnsOffset + feature * capacity + row] = trainColumns[feature * sampleCount + source]
                      }
                    }
                    squares += LinearModelPass.run(
                      columns: storage + columnsOffset, stride: capacity, featureCount: width, targets: gatheredTargets,
                      batch: count, weights: parameters, bias: parameters[width], scale: scale,
                      weightGradients: gradients, biasGradient: gradients + width)
                    done += count
                  }
                  return squares
                }
              }
            }
          }
        }
      }
    }
    return batch.lossFunction.ofSquaredErrors(squares)
  }

  /// Marks the run stopped: the step's gradients and updates, which may hold non-finite numbers
  /// a view must not draw, are cleared; the parameters keep their last finite values.
  private mutating func stop() {
    gradients.withBase { $0.update(repeating: 0, count: network.parameterCount) }
    recorder.clearUpdates()
  }

  private mutating func finishEpoch() {
    let epochLoss = epochLossSum / Double(Swift.max(1, epochLossCount))
    epochLossSum = 0
    epochLossCount = 0
    recorder.history.epochLoss.append(epochLoss, step: epochCount)
    monitor.judgeEpoch(loss: epochLoss, steps: stepCount)
  }

  private func evaluationIsDue() -> Bool {
    switch evaluationPolicy {
    case .everyStep: return true
    case .everySteps(let interval): return stepCount % Swift.max(1, interval) == 0
    case .onRequest: return false
    case .automatic:
      let cost = Double(data.trainInputs.count + data.testInputs.count)
      return workSinceEvaluation * EvaluationPolicy.automaticShare >= cost
    }
  }
}
