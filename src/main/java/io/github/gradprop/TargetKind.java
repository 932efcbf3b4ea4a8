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
  /** Each entry in [0, 1]: soft labels for per-output sigmoid cross-entropy. */
  PROBABILITY,
  /**
   * Each row along the last axis a probability distribution (entries in [0, 1] summing to 1): soft
   * labels for softmax cross-entropy. One-hot rows are the special case this generalises.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  DISTRIBUTION,
  /** Each entry a real number, drawn like the inputs: regression targets. */
  REAL,
  /**
   * Each entry an integer class label in {@code [0, classes)}, where {@code classes} is the value
   * of the dimension named by {@link GradientProperty#classes()}: labels for a cross-entropy that
   * takes class indices rather than one-hot rows, e.g. {@code targets("batch")} with {@code classes
   * = "out"}. Deleting class {@code k} while shrinking relabels the targets to match.
   */
  CLASS_INDEX,
  /**
   * Not written: {@link #ONE_HOT} rows, except that a share of tries (one in four, decided by each
   * try's seed) draws {@link #DISTRIBUTION} rows instead, so that a backward pass that is right
   * only for one-hot targets is caught. Write {@code targets = TargetKind.ONE_HOT} to pin one-hot
   * rows on every try.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  DEFAULT
}
