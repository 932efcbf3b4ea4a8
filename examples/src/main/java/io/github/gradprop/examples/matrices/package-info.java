/**
 * A model whose layers are plain {@code double[][]} arrays, checked with {@link
 * io.github.gradprop.model.Models#of}.
 */
package io.github.gradprop.examples.matrices;
