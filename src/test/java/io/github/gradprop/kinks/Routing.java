package io.github.gradprop.kinks;

/** Where the backward pass of a max of two values sends the gradient. */
enum Routing {
  /** Correct: to the first of the tied inputs, as PyTorch's max does. */
  FIRST_OF_TIES,
  /** Bug on an open set: always to the first input, whichever is larger. */
  ALWAYS_FIRST,
  /** Bug at ties only: the full gradient to every tied input. */
  EVERY_TIED,
  /** Bug at ties only: no gradient to any tied input (strict comparisons on both sides). */
  NONE_TIED;

  /** The share of the gradient for the first input {@code u} of {@code max(u, v)}. */
  double first(double u, double v) {
    switch (this) {
      case ALWAYS_FIRST:
        return 1;
      case NONE_TIED:
        return u > v ? 1 : 0;
      default:
        return u >= v ? 1 : 0;
    }
  }

  /** The share of the gradient for the second input {@code v} of {@code max(u, v)}. */
  double second(double u, double v) {
    switch (this) {
      case ALWAYS_FIRST:
        return 0;
      case EVERY_TIED:
        return v >= u ? 1 : 0;
      case NONE_TIED:
        return v > u ? 1 : 0;
      default:
        return u >= v ? 0 : 1;
    }
  }
}
