/**
 * The check of one case: the loop over every entry, and the checks of the model contract. Internal: not API, may
 * change at any time.
 */
package io.github.gradprop.internal.check;
