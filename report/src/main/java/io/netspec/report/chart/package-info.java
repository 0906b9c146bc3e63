/**
 * Pictures of a run for the report, drawn as inline markup: {@link io.netspec.report.chart.LineChart} for the
 * training curves, {@link io.netspec.report.chart.ConfusionMatrixTable} for the confusion matrix.
 */
package io.netspec.report.chart;
