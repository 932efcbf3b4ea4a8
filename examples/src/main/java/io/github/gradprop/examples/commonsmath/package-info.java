/**
 * A model written with Commons Math {@code RealMatrix}, checked with {@link
 * io.github.gradprop.model.Models#of}.
 */
package io.github.gradprop.examples.commonsmath;
