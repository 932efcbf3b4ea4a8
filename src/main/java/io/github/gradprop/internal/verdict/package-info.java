/**
 * Comparison of analytic and numeric derivatives, and the classification of each entry as smooth,
 * at a kink, unresolved or not finite (by how the one-sided differences scale with the step).
 * Internal: not API, may change at any time.
 */
package io.github.gradprop.internal.verdict;
