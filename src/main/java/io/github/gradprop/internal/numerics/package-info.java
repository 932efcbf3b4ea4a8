/**
 * Finite-difference stencils that keep their one-sided values, and step selection and refinement.
 * Internal: not API, may change at any time.
 */
package io.github.gradprop.internal.numerics;
