/**
 * Summaries of a {@link io.netspec.dsl.analysis.NetworkAnalysis}: {@link io.netspec.dsl.summary.TextSummary}
 * in the columns of the paper's Table 1, {@link io.netspec.dsl.summary.JsonSummary} for tools, and
 * {@link io.netspec.dsl.summary.PaperComparison}, which decides whether computed figures agree with printed ones.
 */
package io.netspec.dsl.summary;
