import Foundation

/// Writes the generated files: staged beside the output folder, then swapped in.
public enum OutputWriter {}
