/**
 * gradprop: check a hand-written backward pass against finite differences. Start with {@link
 * io.github.gradprop.Gradients} to check one case from a plain {@code @Test}.
 */
package io.github.gradprop;
