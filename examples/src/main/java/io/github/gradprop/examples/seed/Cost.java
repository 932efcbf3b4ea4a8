package io.github.gradprop.examples.seed;

/** The cost functions of the seed question, with the output layer each one uses. */
public enum Cost {
  /**
   * Squared error {@code f = 0.5 * sum((y - Y).^2)} on {@code y = act(z3)}; backward {@code delta3
   * = (y - Y) .* dact(z3)}. Correct for every activation.
   */
  SQUARED_ERROR,
  /**
   * Cross-entropy (logistic cost) {@code f = -sum(Y.*log(max(y,eps)) + (1-Y).*log(max(1-y,eps)))}
   * on {@code y = act(z3)}; backward {@code delta3 = y - Y} as in the question. That shortcut is
   * the derivative with respect to {@code z3} only when {@code act} is the sigmoid: the seed's bug.
   */
  CROSS_ENTROPY,
  /**
   * Softmax output {@code y = exp(z3) ./ sum(exp(z3), 2)} with cost {@code f = -sum(Y.*log(y))};
   * backward {@code delta3 = y - Y}, which is correct for softmax whatever the hidden activation.
   */
  SOFTMAX_CROSS_ENTROPY
}
