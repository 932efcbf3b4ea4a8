/**
 * Seeds and case generation: dimensions, parameters, inputs and targets from one seed. Internal:
 * not API, may change at any time.
 */
package io.github.gradprop.internal.generation;
