package io.netspec.runtime.train;

import java.io.PrintWriter;

/**
 * One console line redrawn with {@code \r} as a task advances: a bar, the count done and the caller's
 * figures. When the console is not a terminal, only the finished line is printed.
 */
final class ProgressBar {

  private static final int WIDTH = 24;
  private static final long REDRAW_NANOS = 150_000_000L;

  private final PrintWriter out;
  private final boolean interactive;
  private final String label;
  private final long total;
  private long lastDraw;
  private int lastLength;

  ProgressBar(PrintWriter out, boolean interactive, String label, long total) {
    this.out = out;
    this.interactive = interactive;
    this.label = label;
    this.total = Math.max(1, total);
  }

  /** Redraws the line if enough time has passed since the last time. */
  void update(long done, String figures) {
    long now = System.nanoTime();
    if (interactive && now - lastDraw >= REDRAW_NANOS) {
      lastDraw = now;
      draw(done, figures);
    }
  }

  /** Draws the final state and ends the line. */
  void finish(long done, String figures) {
    draw(done, figures);
    out.println();
    out.flush();
  }

  /** Erases the line drawn so far, for a task whose result is printed otherwise. */
  void clear() {
    if (interactive && lastLength > 0) {
      out.print("\r" + " ".repeat(lastLength) + "\r");
      out.flush();
      lastLength = 0;
    }
  }

  private void draw(long done, String figures) {
    int filled = (int) Math.min(WIDTH, done * WIDTH / total);
    String line = String.format("%s [%s%s] %d/%d  %s", label, "=".repeat(filled), " ".repeat(WIDTH - filled),
        done, total, figures);
    String padding = " ".repeat(Math.max(0, lastLength - line.length()));
    lastLength = line.length();
    out.print((interactive ? "\r" : "") + line + padding);
    out.flush();
  }
}
