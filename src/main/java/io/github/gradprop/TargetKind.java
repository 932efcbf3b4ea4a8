package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Use {@code TargetKind} to tell {@link GradientProperty} what targets your loss expects. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum TargetKind {
  /** One 1.0 per row along the last axis, zeros elsewhere: class labels for softmax. */
  ONE_HOT,
  /** Each entry 0.0 or 1.0: labels for per-output sigmoid cross-entropy. */
  BINARY,
  /** Each entry in [0, 1]: soft labels. */
  PROBABILITY,
  /** Each entry a real number, drawn like the inputs: regression targets. */
  REAL,
  /**
   * Each entry an integer class label in {@code [0, classes)}, where {@code classes} is the value
   * of the dimension named by {@link GradientProperty#classes()}: labels for a cross-entropy that
   * takes class indices rather than one-hot rows, e.g. {@code targets("batch")} with {@code classes
   * = "out"}. Deleting class {@code k} while shrinking relabels the targets to match.
   */
  CLASS_INDEX
}
