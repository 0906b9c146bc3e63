package io.netspec.dsl.summary;

import io.netspec.dsl.analysis.AuxFigures;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.spec.PrintedFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders an analysis as a text table in the columns of the paper's Table 1, followed by the auxiliary
 * classifiers and the totals.
 *
 * <p>params are weights only in K = 1024 ({@code 159.5K}), ops are multiply-adds in M = 10^6
 * ({@code 128.0M}), as the table counts them; trainable counts weights, biases and batch normalisation scale
 * and shift. Where the spec gives the paper's figures they are shown beside, and the last column says whether
 * they agree ({@link PaperComparison}): {@value #DIFFERS} marks a row that does not.
 */
public final class TextSummary {

  /** The word in the last column of a row whose printed figures disagree with the computed ones. */
  public static final String DIFFERS = "DIFFERS";

  /** The word in the last column of a row whose printed figures agree. */
  public static final String AGREES = "agrees";

  static final List<String> HEADER = List.of("name", "type", "patch/stride", "output size", "depth", "#1x1",
      "#3x3 reduce", "#3x3", "#5x5 reduce", "#5x5", "pool proj", "params", "paper", "ops", "paper",
      "trainable", "vs paper");

  private static final int LEFT_ALIGNED = 4; // name, type, patch/stride, output size

  private TextSummary() {}

  public static String render(NetworkAnalysis analysis) {
    StringBuilder text = new StringBuilder();
    text.append(analysis.spec().className()).append(" (").append(analysis.spec().file()).append("), input ")
        .append(analysis.input()).append(", ").append(analysis.spec().classes()).append(" classes\n");
    if (!analysis.spec().training().isEmpty()) {
      text.append("training: ").append(String.join(", ", analysis.spec().training().entries())).append('\n');
    }
    text.append('\n');
    text.append(table(rows(analysis, analysis.rows(), "")));
    for (AuxFigures aux : analysis.auxClassifiers()) {
      text.append("\nauxiliary classifier ").append(aux.classifier().name())
          .append(", after ").append(aux.classifier().after())
          .append(", loss weight ").append(aux.classifier().lossWeight())
          .append(", reads ").append(aux.input()).append('\n');
      text.append(table(rows(analysis, aux.rows(), aux.classifier().name() + ".")));
    }
    text.append('\n').append(totals(analysis));
    return text.toString();
  }

  private static List<List<String>> rows(NetworkAnalysis analysis, List<RowFigures> figures, String prefix) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (RowFigures row : figures) {
      RowColumns columns = RowColumns.of(row.layer());
      Optional<PrintedFigures> printed =
          Optional.ofNullable(analysis.spec().printed().get(prefix + row.layer().name()));
      List<String> cells = new ArrayList<>(List.of(prefix + row.layer().name(), columns.type(), columns.patch(),
          row.output().toString(), Integer.toString(row.depth())));
      cells.addAll(columns.channels());
      cells.add(row.weights() == 0 ? "" : Figures.kilo(row.weights()));
      cells.add(printed.flatMap(PrintedFigures::params).orElse(""));
      cells.add(row.ops() == 0 ? "" : Figures.mega(row.ops()));
      cells.add(printed.flatMap(PrintedFigures::ops).orElse(""));
      cells.add(row.trainableParams() == 0 ? "" : Figures.count(row.trainableParams()));
      cells.add(PaperComparison.verdict(analysis, row, prefix)
          .map(verdict -> verdict.disagrees() ? DIFFERS : AGREES).orElse(""));
      rows.add(cells);
    }
    return rows;
  }

  private static String table(List<List<String>> rows) {
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String format = "%" + (i < LEFT_ALIGNED ? "-" : "") + widths[i] + "s";
        line.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, format, row.get(i)));
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  private static String totals(NetworkAnalysis analysis) {
    return "weights (main path): " + Figures.count(analysis.weights()) + " = " + Figures.kilo(analysis.weights())
        + "\nops (main path): " + Figures.mega(analysis.ops()) + " multiply-adds"
        + "\ntrainable params: " + Figures.count(analysis.trainableParams(false))
        + " without auxiliary classifiers, " + Figures.count(analysis.trainableParams(true)) + " with\n";
  }
}
