package io.netspec.report.run;

import java.nio.file.Path;

/**
 * The layout of a run folder, in one place: the names of its files and sub-folders and of the temporary files a
 * writer leaves while it works. {@code netspec train} writes this layout, {@code eval}, {@code predict},
 * {@code --resume} and {@code netspec report} read it.
 *
 * <pre>
 * runs/train-N/
 *   run.json               model, spec, data, settings, outcome, parameter checksums
 *   class_indices.json     {"0": "name", ...}
 *   metrics.jsonl          one line per epoch
 *   plot.png               the metrics plotted
 *   last.params            parameters of the last complete epoch
 *   best.params            parameters of the best epoch
 *   confusion.json         the best epoch's held-out confusion matrix
 *   split.json             the held-out files of a flat image folder (train/ + val/ layouts: the layout)
 *   spec/                  the spec file and the specs it extends
 *   eval-N/confusion.json  what each `netspec eval` wrote (never over the training's files)
 *   .lock                  held by the process writing the folder; holds its process id
 * </pre>
 */
public final class RunLayout {

  /** The description of the run. */
  public static final String RUN_JSON = "run.json";

  /** Class index to class name. */
  public static final String CLASS_INDICES = "class_indices.json";

  /** The metrics of every epoch, one JSON object a line. */
  public static final String METRICS = "metrics.jsonl";

  /** The metrics plotted. */
  public static final String PLOT = "plot.png";

  /** The best epoch's held-out confusion matrix. */
  public static final String CONFUSION = "confusion.json";

  /** The same matrix as CSV, as other tools write it. */
  public static final String CONFUSION_CSV = "confusion.csv";

  /** Which images of an image folder were held out (a flat folder's drawn split), for eval and --resume. */
  public static final String SPLIT = "split.json";

  /** The folder that holds the run's copy of its spec files. */
  public static final String SPEC_FOLDER = "spec";

  /** The lock file of the process that writes the folder. */
  public static final String LOCK = ".lock";

  /** The prefix of a run folder made by {@code train}. */
  public static final String TRAIN_KIND = "train";

  /** The prefix of the sub-folder an {@code eval} writes into. */
  public static final String EVAL_KIND = "eval";

  /** The name of a parameter file without its extension: {@code last} or {@code best}. */
  public static final String LAST = "last";

  /** See {@link #LAST}. */
  public static final String BEST = "best";

  private static final String PARAMS_SUFFIX = ".params";

  private RunLayout() {}

  /** {@code last.params}, {@code best.params}. */
  public static String parameterFile(String which) {
    return which + PARAMS_SUFFIX;
  }

  /** The parameter file {@code which} ({@link #LAST} or {@link #BEST}) of a run folder. */
  public static Path parameters(Path runFolder, String which) {
    return runFolder.resolve(parameterFile(which));
  }

  /** The temporary name a file is written under before it is renamed into place. */
  public static String temporaryFile(String name) {
    return "." + name + ".tmp";
  }

  /** The prefix of the temporary folder DJL saves the parameters {@code which} into. */
  public static String temporaryFolderPrefix(String which) {
    return "." + which + "-";
  }

  /** Whether a name is one a writer uses only while it works, and a killed writer may leave behind. */
  public static boolean isTemporary(String name) {
    return (name.startsWith(".") && name.endsWith(".tmp"))
        || name.startsWith(temporaryFolderPrefix(LAST)) || name.startsWith(temporaryFolderPrefix(BEST));
  }
}
