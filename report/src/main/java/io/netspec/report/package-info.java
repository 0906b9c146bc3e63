/**
 * Pictures of a network, from the same spec as everything else: {@link io.netspec.report.DiagramWriter} for
 * {@code netspec diagram} (SVG, HTML or DOT) and {@link io.netspec.report.ReportWriter} for {@code netspec
 * report} (one self-contained HTML page). Sub-packages: {@code layout} lays the network out (ELK's layered
 * algorithm), {@code svg} draws it, {@code dot} exports it as Graphviz DOT, {@code html} builds pages and tables, {@code run} reads run folders,
 * {@code chart} draws their curves and confusion matrix, {@code format} writes numbers, {@code files} writes
 * files atomically.
 */
package io.netspec.report;
