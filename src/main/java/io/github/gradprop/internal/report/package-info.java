/**
 * Failure messages: facts with aligned keys and worst-first tables. Internal: not API, may change
 * at any time.
 */
package io.github.gradprop.internal.report;
