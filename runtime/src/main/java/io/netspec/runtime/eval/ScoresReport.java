package io.netspec.runtime.eval;

import io.netspec.report.run.ConfusionMatrix;
import java.io.PrintWriter;

/** Prints {@link Scores} for the console: top-1 and top-5, accuracy per class, the confusion matrix. */
public final class ScoresReport {

  private ScoresReport() {}

  /** Prints every figure of {@code scores}. */
  public static void print(Scores scores, PrintWriter out) {
    ConfusionMatrix confusion = scores.confusion();
    out.printf("top-1 accuracy %.2f%%, top-%d accuracy %.2f%% (%,d images)%n", 100 * scores.top1(), Scores.TOP_K,
        100 * scores.topK(), confusion.total());
    int nameWidth = confusion.classes().stream().mapToInt(String::length).max().orElse(5);
    out.printf("%n%-" + nameWidth + "s  %6s  %8s%n", "class", "images", "accuracy");
    for (int c = 0; c < confusion.classes().size(); c++) {
      out.printf("%-" + nameWidth + "s  %6d  %7.2f%%%n", confusion.classes().get(c), confusion.rowTotal(c),
          100 * confusion.classAccuracy(c));
    }
    out.printf("%nconfusion matrix (rows: true class, columns: predicted class, by index)%n");
    int cellWidth = Math.max(3, Long.toString(confusion.total()).length());
    int labelWidth = nameWidth + Integer.toString(confusion.classes().size() - 1).length() + 1;
    StringBuilder header = new StringBuilder(String.format("%-" + labelWidth + "s ", ""));
    for (int p = 0; p < confusion.classes().size(); p++) {
      header.append(String.format(" %" + cellWidth + "d", p));
    }
    out.println(header);
    for (int t = 0; t < confusion.classes().size(); t++) {
      StringBuilder row =
          new StringBuilder(String.format("%-" + labelWidth + "s ", t + " " + confusion.classes().get(t)));
      for (int p = 0; p < confusion.classes().size(); p++) {
        row.append(String.format(" %" + cellWidth + "d", confusion.count(t, p)));
      }
      out.println(row);
    }
  }
}
