/**
 * The network of the motivating question, "Backpropagation for rectified linear unit activation
 * with cross entropy error": a MATLAB-style {@code [f, df] = backprop(W, X, Y)} over one flat weight
 * vector, in 3 activations x 3 costs, with its backward pass written as the question wrote it. Run
 * {@link io.github.gradprop.examples.seed.SeedDemo} to see the ReLU + cross-entropy cell fail.
 */
package io.github.gradprop.examples.seed;
