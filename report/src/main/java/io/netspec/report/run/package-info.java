/**
 * What the report reads from a finished run folder: {@link io.netspec.report.run.TrainingCurves} from
 * {@code metrics.jsonl} and {@link io.netspec.report.run.ConfusionMatrix} from {@code confusion.json} or
 * {@code confusion.csv}.
 */
package io.netspec.report.run;
