/**
 * The network diagram as Graphviz DOT text: {@link io.netspec.report.dot.DiagramRenderer} draws it,
 * {@link io.netspec.report.dot.NodeIds} names its nodes.
 */
package io.netspec.report.dot;
