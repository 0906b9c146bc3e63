/** Runs Graphviz's {@code dot} to lay out the diagram: {@link io.netspec.report.graphviz.Graphviz}. */
package io.netspec.report.graphviz;
