package io.netspec.report.html;

import io.netspec.dsl.analysis.AuxFigures;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.PrintedFigures;
import io.netspec.dsl.summary.PaperComparison;
import io.netspec.dsl.summary.Figures;
import io.netspec.dsl.summary.RowColumns;
import io.netspec.report.format.LayerText;
import java.util.List;
import java.util.Optional;

/**
 * The analysis as HTML tables in the columns of the paper's Table 1, like {@code netspec summary}: where the
 * spec gives the paper's printed params and ops, they stand beside the computed ones, and a figure that
 * {@link PaperComparison} finds to disagree is marked (class {@value #DIFFERS_CLASS}).
 */
public final class SummaryTable {

  /** The class of a paper figure, and of its row's verdict, that disagrees with the computed one. */
  public static final String DIFFERS_CLASS = "differs";

  private static final List<String> HEADER = List.of("name", "type", "patch size/stride", "output size", "depth",
      "#1x1", "#3x3 reduce", "#3x3", "#5x5 reduce", "#5x5", "pool proj", "params", "paper", "ops", "paper",
      "trainable", "vs paper");

  private SummaryTable() {}

  /** The main path's table, one per auxiliary classifier, and the totals, as one {@code <section>}. */
  public static String section(NetworkAnalysis analysis) {
    StringBuilder html = new StringBuilder("<section class=\"summary\">\n<h2>Summary</h2>\n");
    html.append("<p>params are weights only in K = 1024, ops multiply-adds in M = 10<sup>6</sup>, as Table 1 of "
        + "the paper counts them; trainable adds biases and batch normalisation. Where the spec gives the "
        + "figures the paper prints, they stand in the <em>paper</em> columns; a marked one disagrees with the "
        + "computed figure beyond rounding and " + Math.round(PaperComparison.RELATIVE_TOLERANCE * 100)
        + "%.</p>\n");
    html.append(table(analysis, analysis.rows(), ""));
    for (AuxFigures aux : analysis.auxClassifiers()) {
      html.append("<h3>Auxiliary classifier ").append(HtmlText.escape(aux.classifier().name())).append("</h3>\n")
          .append("<p>After ").append(HtmlText.escape(aux.classifier().after())).append(", loss weight ")
          .append(aux.classifier().lossWeight()).append(", reads ").append(aux.input()).append(".</p>\n")
          .append(table(analysis, aux.rows(), aux.classifier().name() + "."));
    }
    html.append("<h3>Totals</h3>\n<ul class=\"totals\">\n")
        .append("<li>weights (main path): ").append(Figures.count(analysis.weights())).append(" = ")
        .append(Figures.kilo(analysis.weights())).append("</li>\n")
        .append("<li>ops (main path): ").append(Figures.mega(analysis.ops())).append(" multiply-adds</li>\n")
        .append("<li>trainable params: ").append(Figures.count(analysis.trainableParams(false)))
        .append(" without auxiliary classifiers, ").append(Figures.count(analysis.trainableParams(true)))
        .append(" with</li>\n</ul>\n</section>\n");
    return html.toString();
  }

  private static String table(NetworkAnalysis analysis, List<RowFigures> rows, String prefix) {
    StringBuilder html = new StringBuilder("<table class=\"table1\">\n<thead><tr>");
    HEADER.forEach(cell -> html.append("<th>").append(HtmlText.escape(cell)).append("</th>"));
    html.append("</tr></thead>\n<tbody>\n");
    for (RowFigures row : rows) {
      html.append(row(analysis, row, prefix));
    }
    return html.append("</tbody>\n</table>\n").toString();
  }

  private static String row(NetworkAnalysis analysis, RowFigures row, String prefix) {
    Layer layer = row.layer();
    String key = prefix + layer.name();
    Optional<PrintedFigures> printed = Optional.ofNullable(analysis.spec().printed().get(key));
    Optional<PaperComparison.Verdict> verdict = printed.map(figures -> PaperComparison.compare(row, figures));
    StringBuilder html = new StringBuilder("<tr data-row=\"").append(HtmlText.escape(key)).append("\">");
    cell(html, key, "name");
    cell(html, LayerText.kind(layer), "");
    cell(html, LayerText.patch(layer), "");
    cell(html, row.output().toString(), "");
    cell(html, Integer.toString(row.depth()), "number");
    RowColumns.of(layer).channels().forEach(channels -> cell(html, channels, "number"));
    cell(html, row.weights() == 0 ? "" : Figures.kilo(row.weights()), "number");
    cell(html, printed.flatMap(PrintedFigures::params).orElse(""),
        paperClass(verdict.flatMap(PaperComparison.Verdict::params)));
    cell(html, row.ops() == 0 ? "" : Figures.mega(row.ops()), "number");
    cell(html, printed.flatMap(PrintedFigures::ops).orElse(""),
        paperClass(verdict.flatMap(PaperComparison.Verdict::ops)));
    cell(html, row.trainableParams() == 0 ? "" : Figures.count(row.trainableParams()), "number");
    cell(html, verdict.map(v -> v.disagrees() ? "differs" : "agrees").orElse(""),
        verdict.filter(PaperComparison.Verdict::disagrees).isPresent() ? DIFFERS_CLASS : "");
    return html.append("</tr>\n").toString();
  }

  private static String paperClass(Optional<Boolean> agrees) {
    return agrees.map(yes -> yes ? "number paper" : "number paper " + DIFFERS_CLASS).orElse("number paper");
  }

  private static void cell(StringBuilder html, String text, String cssClass) {
    html.append(cssClass.isEmpty() ? "<td>" : "<td class=\"" + cssClass + "\">").append(HtmlText.escape(text))
        .append("</td>");
  }
}
