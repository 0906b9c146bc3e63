/**
 * Self-contained HTML: {@link io.netspec.report.html.HtmlPage} (inline style and script, a policy that loads
 * nothing else), {@link io.netspec.report.html.HtmlDiagram} (the collapsible diagram) and
 * {@link io.netspec.report.html.SummaryTable} (Table 1 with the paper's figures beside the computed ones).
 */
package io.netspec.report.html;
