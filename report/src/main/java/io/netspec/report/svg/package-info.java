/** Prepares Graphviz's SVG for inlining in HTML pages: {@link io.netspec.report.svg.InlineSvg}. */
package io.netspec.report.svg;
