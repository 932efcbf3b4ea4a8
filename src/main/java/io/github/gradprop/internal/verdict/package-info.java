/**
 * Comparison of analytic and numeric derivatives and the verdict for each entry. Internal: not
 * API, may change at any time.
 */
package io.github.gradprop.internal.verdict;
