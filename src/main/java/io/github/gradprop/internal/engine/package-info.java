/**
 * The JUnit extension behind {@code @GradientProperty}: configuration, the tries loop, and the
 * replay store. Internal: not API, may change at any time.
 */
package io.github.gradprop.internal.engine;
