/**
 * Finite-difference stencils and step selection. Internal: not API, may change at any time.
 */
package io.github.gradprop.internal.numerics;
