import Foundation
import SafeText

/// A trained network as a file: its description, every parameter block by name, and what
/// `predict` needs to read new data the way the network was trained (feature names, the CSV
/// scaling, the input features computed from them, the outputs' names and the task).
///
/// The file is JSON (`descent train … --save model.json`), readable and stable: blocks are
/// listed by their engine names with their shapes, values in buffer order.
public struct SavedModel: Codable, Equatable, Sendable {
  /// One parameter block.
  public struct Block: Codable, Equatable, Sendable {
    public var name: String
    public var shape: [Int]
    public var values: [Double]
  }

  /// How CSV features were min–max scaled before training.
  public struct Scaling: Codable, Equatable, Sendable {
    public var minimums: [Double]
    public var maximums: [Double]
  }

  /// `descent-model`.
  public var format: String
  public var version: Int
  /// The network, in the grammar of `--model`.
  public var model: String
  /// The shape of one input sample.
  public var inputShape: [Int]
  /// One name per column a row of data holds (before any input features are computed).
  public var featureNames: [String]
  /// The features the network reads, computed from the two columns of 2-D data (raw names:
  /// `x1-squared`); absent when it reads the columns themselves.
  public var inputFeatures: [String]?
  /// One name per output (for classification, the class column's name).
  public var outputNames: [String]
  /// Classes of a classification task; nil for regression.
  public var classCount: Int?
  /// The loss it was trained with.
  public var loss: String
  public var scaling: Scaling?
  public var blocks: [Block]
  /// Non-trainable numbers (batch norm's running averages), in buffer order.
  public var state: [Double]

  public static let formatName = "descent-model"
  public static let currentVersion = 1
  /// Model files larger than this (64 MiB) are refused.
  public static let maximumFileSize = 64 << 20

  /// The file for `network` trained on `dataset` with `loss` (CSV features scaled by `scaling`;
  /// the network reading `inputFeatures` of the dataset's two columns when given).
  public init(
    network: Network, dataset: Dataset, loss: LossFunction, scaling: FeatureScaling? = nil,
    inputFeatures: [InputFeature]? = nil
  ) {
    format = Self.formatName
    version = Self.currentVersion
    model = network.modelDescription.description
    inputShape = network.inputShape.dimensions
    featureNames = dataset.featureNames
    self.inputFeatures = inputFeatures.map { $0.map(\.rawValue) }
    if case .classification(let count) = dataset.task {
      classCount = count
      outputNames = network.outputCount == 1 ? dataset.targetNames : (0..<network.outputCount).map { "class \($0)" }
    } else {
      classCount = nil
      outputNames = dataset.targetNames
    }
    self.loss = loss.rawValue
    self.scaling = scaling.map { Scaling(minimums: $0.minimums, maximums: $0.maximums) }
    blocks = network.blocks.map { Block(name: $0.name, shape: $0.shape.dimensions, values: Array(network.parameters[$0.range])) }
    state = network.state
  }

  /// Why a model file cannot be used: one line naming the file.
  public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var fileName: String
    public var problem: String
    public var description: String { "\(TextSanitizer.inline(fileName)): \(problem)" }
  }

  /// Rebuilds the network with the saved parameters, checking every block against the
  /// description.
  public func network(fileName: String = "model") throws(FileError) -> Network {
    func failure(_ problem: String) -> FileError { FileError(fileName: fileName, problem: problem) }
    guard format == Self.formatName else { throw failure("is not a Descent model (format '\(TextSanitizer.inline(format))')") }
    guard version == Self.currentVersion else { throw failure("has version \(version); this Descent reads version \(Self.currentVersion)") }
    guard !inputShape.isEmpty, inputShape.count <= TensorShape.maximumRank, inputShape.allSatisfy({ (1...1_000_000).contains($0) }) else {
      throw failure("has an impossible input shape")
    }
    var network: Network
    do {
      network = try Network(description: ModelDescription(parsing: model), inputShape: TensorShape(inputShape))
    } catch {
      throw failure("model '\(TextSanitizer.inline(String(model.prefix(60))))': \(error)")
    }
    if let inputFeatures {
      guard featureNames.count == 2 else {
        throw failure("computes input features from \(featureNames.count) columns; they are computed from 2")
      }
      guard inputFeatures.count == network.inputCount else {
        throw failure("names \(inputFeatures.count) input features for \(network.inputCount) inputs")
      }
      if let unknown = inputFeatures.first(where: { InputFeature(rawValue: $0) == nil }) {
        throw failure("names an unknown input feature '\(TextSanitizer.inline(String(unknown.prefix(40))))'")
      }
    } else {
      guard featureNames.count == network.inputCount else {
        throw failure("names \(featureNames.count) features for \(network.inputCount) inputs")
      }
    }
    guard blocks.map(\.name) == network.blocks.map(\.name) else {
      throw failure("its blocks (\(blocks.map(\.name).prefix(8).joined(separator: ", "))) do not match the model's (\(network.blocks.map(\.name).prefix(8).joined(separator: ", ")))")
    }
    for (saved, expected) in zip(blocks, network.blocks) {
      guard saved.shape == expected.shape.dimensions, saved.values.count == expected.count else {
        throw failure("block \(TextSanitizer.inline(saved.name)) has shape \(saved.shape) and \(saved.values.count) values; the model needs \(expected.shape)")
      }
      guard saved.values.allSatisfy(\.isFinite) else { throw failure("block \(saved.name) holds a number that is not finite") }
      for (offset, value) in saved.values.enumerated() { network.parameters[expected.offset + offset] = value }
    }
    guard state.count == network.state.count, state.allSatisfy(\.isFinite) else {
      throw failure("holds \(state.count) state numbers; the model needs \(network.state.count)")
    }
    network.state = state
    if let scaling, scaling.minimums.count != featureNames.count || scaling.maximums.count != featureNames.count {
      throw failure("scales \(scaling.minimums.count) features for \(featureNames.count) columns")
    }
    return network
  }

  /// Rows of the saved columns (scaled as in training) as the network reads them: the input
  /// features computed from them when the model has any. Call after `network(fileName:)`,
  /// which checks the feature names.
  public func networkInputs(_ columns: Samples) -> Samples {
    var columns = featureScaling?.scale(columns) ?? columns
    if let inputFeatures {
      let features = inputFeatures.compactMap(InputFeature.init(rawValue:))
      columns = Dataset.inputFeatureRows(columns, features)
    }
    return columns
  }

  /// The saved CSV scaling, as the engine applies it.
  public var featureScaling: FeatureScaling? {
    scaling.map { FeatureScaling(minimums: $0.minimums, maximums: $0.maximums) }
  }

  // MARK: - Files

  /// Writes the model as indented JSON, replacing the file atomically.
  public func write(to path: String) throws(FileError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    do {
      let data = try encoder.encode(self)
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw FileError(fileName: path, problem: "cannot be written (\(error.localizedDescription))")
    }
  }

  /// Reads the model file at `path`.
  public static func read(path: String) throws(FileError) -> SavedModel {
    func failure(_ problem: String) -> FileError { FileError(fileName: path, problem: problem) }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw failure("no such file") }
    guard !isDirectory.boolValue else { throw failure("is a directory, not a model file") }
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumFileSize {
      throw failure("is too large (\(size >> 20) MB; model files of at most \(maximumFileSize >> 20) MB are read)")
    }
    guard let data = FileManager.default.contents(atPath: path) else { throw failure("cannot be read") }
    do {
      return try JSONDecoder().decode(SavedModel.self, from: data)
    } catch let DecodingError.keyNotFound(key, _) {
      throw failure("is not a Descent model file (no '\(key.stringValue)')")
    } catch let DecodingError.typeMismatch(_, context) {
      throw failure("is not a Descent model file (wrong type at \(context.codingPath.map(\.stringValue).joined(separator: ".")))")
    } catch {
      throw failure("is not a Descent model file (not JSON of that form)")
    }
  }
}
