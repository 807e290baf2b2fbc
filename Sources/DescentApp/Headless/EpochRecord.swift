/// One row of a headless training report.
public struct EpochRecord: Equatable, Sendable {
  public var epoch: Int
  public var trainLoss: Double
  public var testLoss: Double?
  public var trainAccuracy: Double?
  public var testAccuracy: Double?

  public init(epoch: Int, trainLoss: Double, testLoss: Double?, trainAccuracy: Double?, testAccuracy: Double?) {
    self.epoch = epoch
    self.trainLoss = trainLoss
    self.testLoss = testLoss
    self.trainAccuracy = trainAccuracy
    self.testAccuracy = testAccuracy
  }
}
