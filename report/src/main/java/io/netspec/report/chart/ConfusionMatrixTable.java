package io.netspec.report.chart;

import io.netspec.report.html.HtmlText;
import io.netspec.report.run.ConfusionMatrix;
import java.util.Locale;

/**
 * A confusion matrix as an HTML table: true classes down, predicted classes across, each cell shaded by the
 * share of its true class it holds, and each row's recall at the end.
 */
public final class ConfusionMatrixTable {

  private ConfusionMatrixTable() {}

  public static String html(ConfusionMatrix matrix) {
    StringBuilder html = new StringBuilder("<table class=\"confusion\">\n<caption>")
        .append(String.format(Locale.ROOT, "%,d held-out images, accuracy %.2f%%", matrix.total(),
            matrix.accuracy() * 100))
        .append("</caption>\n<thead><tr><th class=\"corner\">true \\ predicted</th>");
    matrix.classes().forEach(name -> html.append("<th scope=\"col\">").append(HtmlText.escape(name)).append("</th>"));
    html.append("<th scope=\"col\">recall</th></tr></thead>\n<tbody>\n");
    for (int t = 0; t < matrix.size(); t++) {
      long rowTotal = matrix.rowTotal(t);
      html.append("<tr><th scope=\"row\">").append(HtmlText.escape(matrix.classes().get(t))).append("</th>");
      for (int p = 0; p < matrix.size(); p++) {
        long count = matrix.counts().get(t).get(p);
        double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
        html.append(String.format(Locale.ROOT,
            "<td class=\"%s\" style=\"background: rgba(31, 119, 180, %.3f)%s\" title=\"%s as %s: %d\">%d</td>",
            t == p ? "diagonal" : "off", share, share > 0.55 ? "; color: #fff" : "",
            HtmlText.escape(matrix.classes().get(t)), HtmlText.escape(matrix.classes().get(p)), count, count));
      }
      html.append(rowTotal == 0 ? "<td class=\"recall\"></td>" : String.format(Locale.ROOT,
          "<td class=\"recall\">%.1f%%</td>", 100.0 * matrix.counts().get(t).get(t) / rowTotal));
      html.append("</tr>\n");
    }
    return html.append("</tbody>\n</table>\n").toString();
  }
}
