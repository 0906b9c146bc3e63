/**
 * The diagram's geometry: {@link io.netspec.report.layout.NetworkLayout} turns an analysed network into boxes
 * and edges and has the Eclipse Layout Kernel's layered algorithm place them; the result,
 * {@link io.netspec.report.layout.Diagram}, is plain coordinates that {@link io.netspec.report.svg.SvgDiagram}
 * draws. No system binary is involved.
 */
package io.netspec.report.layout;
