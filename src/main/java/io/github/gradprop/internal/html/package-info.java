/**
 * Internal, not API: the HTML report of a property, one self-contained page per property (inline
 * SVG heat maps of the relative error, tables, the shrink history) and an index page, written
 * atomically under {@code target/gradprop-reports/}. Rendering is pure; only {@code
 * ReportDirectory} touches files.
 */
package io.github.gradprop.internal.html;
