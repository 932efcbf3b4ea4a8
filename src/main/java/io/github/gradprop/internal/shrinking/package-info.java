/**
 * Shrinking a failing case: deleting indices of named dimensions across every tensor, then
 * simplifying values. Internal: not API, may change at any time.
 */
package io.github.gradprop.internal.shrinking;
