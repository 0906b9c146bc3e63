/** Draws a laid-out diagram as SVG: {@link io.netspec.report.svg.SvgDiagram}. */
package io.netspec.report.svg;
