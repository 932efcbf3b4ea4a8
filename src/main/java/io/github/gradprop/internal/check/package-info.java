/**
 * The check of one case: the loop over every entry, the confirmation of mismatches at a nearby
 * generic point, the checks along tie directions, and the checks of the model contract. Internal:
 * not API, may change at any time.
 */
package io.github.gradprop.internal.check;
