package io.netspec.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws random valid specs for the fuzz test: an input of 28 to 299 pixels a side and 1 to 3 channels; a random
 * stem of convolutions, pools and LRNs; 1 to 10 Inception stages, most after a downsampling pool; a head that
 * pools, may drop out and may add a hidden layer; 0 to 2 auxiliary classifiers on random Inception rows; random
 * defaults and per-row styles (bias, batch normalisation, activation). Every row has at most 32 channels.
 *
 * <p>Every draw is valid: the drawer follows each axis's size through the rows as an interval, a lower bound
 * (windows rounded down) and an upper bound (rounded up), and only adds a windowed row whose output is at least
 * one pixel at the lower bound. The upper bound keeps the rows that flatten small.
 */
final class FuzzSpecDrawer {

  private static final int MAX_STAGES = 10;
  private static final int MAX_BRANCH = 8; // four branches of at most 8 channels: at most 32
  private static final int MAX_FILTERS = 32;
  private static final int MAX_FLATTENED = 2048;
  private static final int STEM_SIZE = 64;

  private final Random random;
  private final List<FlowMap> layers = new ArrayList<>();
  private final List<Attachment> inceptions = new ArrayList<>();
  private Extent height;
  private Extent width;

  /** What the lower and upper bounds of one axis's size are after the rows drawn so far. */
  private record Extent(int low, int high) {

    boolean fits(int window, int padding) {
      return low + 2 * padding >= window;
    }

    Extent after(int window, int stride, int padding, boolean ceil) {
      return new Extent((low + 2 * padding - window) / stride + 1,
          (high + 2 * padding - window) / stride + 1 + (ceil ? 1 : 0));
    }
  }

  /** An Inception row that an auxiliary classifier may read, with the size of its output. */
  private record Attachment(String row, Extent height, Extent width) {}

  private FuzzSpecDrawer(Random random) {
    this.random = random;
  }

  /** The spec of one seed: the same seed draws the same spec. */
  static FuzzSpec draw(long seed) {
    return new FuzzSpecDrawer(new Random(seed)).spec();
  }

  private FuzzSpec spec() {
    int inputHeight = 28 + random.nextInt(272);
    int inputWidth = random.nextBoolean() ? inputHeight : 28 + random.nextInt(272);
    height = new Extent(inputHeight, inputHeight);
    width = new Extent(inputWidth, inputWidth);
    int channels = 1 + random.nextInt(3);
    int classes = 1 + random.nextInt(10);
    List<FuzzSpec.Section> defaults = defaults();
    int stemRows = random.nextInt(4);
    for (int i = 0; i < stemRows; i++) {
      int kind = random.nextInt(10);
      if (kind < 5) {
        convolution();
      } else if (kind < 8) {
        pool(random.nextBoolean() ? "max_pool" : "avg_pool", 2 + random.nextInt(2), 1 + random.nextInt(2));
      } else {
        layers.add(lrn(new FlowMap.Builder().required("name", name("norm")).required("type", "lrn")).build());
      }
    }
    // large inputs are brought to at most 64 pixels a side before the Inception stages, as GoogLeNet's stem
    // does: a test case then takes seconds, not minutes
    for (int i = 0; i < 4 && (height.high() > STEM_SIZE || width.high() > STEM_SIZE); i++) {
      if (random.nextBoolean()) {
        stridedConvolution();
      } else {
        pool(random.nextBoolean() ? "max_pool" : "avg_pool", 3, 2);
      }
    }
    int stages = 1 + random.nextInt(MAX_STAGES);
    for (int stage = 0; stage < stages; stage++) {
      if (height.high() > 24 || width.high() > 24 || random.nextInt(3) == 0) {
        pool("max_pool", 3, 2);
      }
      int modules = 1 + (random.nextInt(4) == 0 ? 1 : 0);
      for (int i = 0; i < modules; i++) {
        inception();
      }
    }
    List<FuzzSpec.Aux> aux = new ArrayList<>();
    int auxCount = random.nextInt(3);
    for (int i = 0; i < auxCount; i++) {
      aux.add(auxClassifier("aux" + (i + 1), inceptions.get(random.nextInt(inceptions.size()))));
    }
    head();
    return new FuzzSpec(inputHeight, inputWidth, channels, classes, defaults, layers, aux);
  }

  private List<FuzzSpec.Section> defaults() {
    List<FuzzSpec.Section> sections = new ArrayList<>();
    if (random.nextInt(5) < 2) {
      sections.add(new FuzzSpec.Section("convolution", style(new FlowMap.Builder()).build()));
    }
    if (random.nextInt(5) < 2) {
      sections.add(new FuzzSpec.Section("pool",
          new FlowMap.Builder().optional("rounding", random.nextBoolean() ? "ceil" : "floor").build()));
    }
    if (random.nextInt(5) < 2) {
      sections.add(new FuzzSpec.Section("inception", new FlowMap.Builder().optional("5x5_patch", patch5x5()).build()));
    }
    if (random.nextInt(5) < 1) {
      sections.add(new FuzzSpec.Section("lrn", lrn(new FlowMap.Builder()).build()));
    }
    return sections;
  }

  private void convolution() {
    int patchHeight = 1 + 2 * random.nextInt(4);
    convolution(patchHeight, random.nextInt(6) == 0 ? 1 + 2 * random.nextInt(4) : patchHeight,
        1 + random.nextInt(2));
  }

  /** A 3x3, 5x5 or 7x7 convolution of stride 2. */
  private void stridedConvolution() {
    int patch = 3 + 2 * random.nextInt(3);
    convolution(patch, patch, 2);
  }

  private void convolution(int patchHeight, int patchWidth, int stride) {
    boolean explicitPadding = random.nextInt(4) == 0;
    int padding = explicitPadding ? random.nextInt(patchHeight / 2 + 1) : (patchHeight - 1) / 2;
    if (!height.fits(patchHeight, padding) || !width.fits(patchWidth, padding)) {
      return;
    }
    FlowMap.Builder row = new FlowMap.Builder()
        .required("name", name("conv"))
        .required("type", "convolution")
        .required("patch", patchHeight + "x" + patchWidth + "/" + stride)
        .required("filters", 1 + random.nextInt(MAX_FILTERS));
    if (explicitPadding) {
      row.optional("padding", padding);
    }
    if (random.nextInt(3) == 0) {
      row.optional("reduce", 1 + random.nextInt(16));
    }
    layers.add(style(row).build());
    height = height.after(patchHeight, stride, padding, false);
    width = width.after(patchWidth, stride, padding, false);
  }

  private void pool(String type, int window, int stride) {
    int padding = random.nextInt(window / 2 + 1);
    if (!height.fits(window, padding) || !width.fits(window, padding)) {
      return;
    }
    FlowMap.Builder row = new FlowMap.Builder()
        .required("name", name(type.equals("max_pool") ? "pool" : "avgpool"))
        .required("type", type)
        .required("patch", window + "x" + window + "/" + stride);
    if (padding > 0) {
      row.optional("padding", padding);
    }
    if (random.nextBoolean()) {
      row.optional("rounding", random.nextBoolean() ? "ceil" : "floor");
    }
    layers.add(row.build());
    // an unknown default rounding may be ceil: the upper bound allows for it
    height = height.after(window, stride, padding, true);
    width = width.after(window, stride, padding, true);
  }

  private void inception() {
    String name = name("inception");
    FlowMap.Builder row = new FlowMap.Builder()
        .required("name", name)
        .required("type", "inception")
        .required("1x1", branch())
        .required("3x3_reduce", branch())
        .required("3x3", branch())
        .required("5x5_reduce", branch())
        .required("5x5", branch())
        .required("pool_proj", branch());
    if (random.nextInt(4) == 0) {
      row.optional("5x5_patch", patch5x5());
    }
    layers.add(style(row).build());
    inceptions.add(new Attachment(name, height, width));
  }

  private FuzzSpec.Aux auxClassifier(String name, Attachment attachment) {
    List<FlowMap> rows = new ArrayList<>();
    Extent h = attachment.height();
    Extent w = attachment.width();
    if (h.low() >= 5 && w.low() >= 5 && h.high() <= 20 && w.high() <= 20 && random.nextBoolean()) {
      rows.add(new FlowMap.Builder().required("name", "pool").required("type", "avg_pool")
          .required("patch", "5x5/3").build());
    } else {
      rows.add(new FlowMap.Builder().required("name", "pool").required("type", "adaptive_avg_pool")
          .required("output", side(h) + "x" + side(w)).build());
    }
    if (random.nextInt(10) < 7) {
      rows.add(style(new FlowMap.Builder().required("name", "conv").required("type", "convolution")
          .required("patch", "1x1/1").required("filters", 1 + random.nextInt(16))).build());
    }
    if (random.nextInt(10) < 7) {
      rows.add(new FlowMap.Builder().required("name", "fc1").required("type", "linear")
          .required("units", 1 + random.nextInt(MAX_FILTERS)).optional("activation", "relu").build());
    }
    if (random.nextBoolean()) {
      rows.add(dropout("dropout"));
    }
    rows.add(new FlowMap.Builder().required("name", "fc2").required("type", "linear").required("units", "classes")
        .build());
    if (random.nextBoolean()) {
      rows.add(new FlowMap.Builder().required("name", "softmax").required("type", "softmax").build());
    }
    String lossWeight = "0." + (1 + random.nextInt(9));
    return new FuzzSpec.Aux(name, attachment.row(), lossWeight, rows);
  }

  /** An adaptive pool's output side: at most 4, and at most the input's (lower bound). */
  private int side(Extent extent) {
    return 1 + random.nextInt(Math.min(4, extent.low()));
  }

  private void head() {
    boolean flattensSmall = (long) height.high() * width.high() * MAX_FILTERS <= MAX_FLATTENED;
    int kind = random.nextInt(10);
    if (kind < 6 || (kind < 8 && !flattensSmall)) {
      layers.add(new FlowMap.Builder().required("name", "head_pool").required("type", "global_avg_pool").build());
    } else if (kind < 8 || !flattensSmall) {
      layers.add(new FlowMap.Builder().required("name", "head_pool").required("type", "adaptive_avg_pool")
          .required("output", side(height) + "x" + side(width)).build());
    }
    if (random.nextInt(10) < 6) {
      layers.add(dropout("dropout"));
    }
    if (random.nextInt(10) < 3) {
      layers.add(new FlowMap.Builder().required("name", "fc_hidden").required("type", "linear")
          .required("units", 1 + random.nextInt(MAX_FILTERS)).optional("activation", "relu")
          .optional("bias", random.nextBoolean()).build());
    }
    FlowMap.Builder fc = new FlowMap.Builder().required("name", "fc").required("type", "linear")
        .required("units", "classes");
    if (random.nextInt(5) == 0) {
      fc.optional("bias", false);
    }
    layers.add(fc.build());
    if (random.nextInt(10) < 7) {
      layers.add(new FlowMap.Builder().required("name", "softmax").required("type", "softmax").build());
    }
  }

  private FlowMap dropout(String name) {
    String[] rates = {"0", "0.2", "0.4", "0.7"};
    return new FlowMap.Builder().required("name", name).required("type", "dropout")
        .required("rate", rates[random.nextInt(rates.length)]).build();
  }

  /** Random optional style keys: bias, batch normalisation, activation. */
  private FlowMap.Builder style(FlowMap.Builder row) {
    if (random.nextInt(4) == 0) {
      row.optional("bias", random.nextBoolean());
    }
    if (random.nextInt(4) == 0) {
      String[] norms = {"on", "off", "{epsilon: 0.001}"};
      row.optional("batch_norm", norms[random.nextInt(norms.length)]);
    }
    if (random.nextInt(8) == 0) {
      row.optional("activation", random.nextInt(3) == 0 ? "none" : "relu");
    }
    return row;
  }

  private FlowMap.Builder lrn(FlowMap.Builder row) {
    if (random.nextBoolean()) {
      row.optional("size", 1 + random.nextInt(6));
    }
    if (random.nextBoolean()) {
      String[] alphas = {"0.0001", "0.001", "0.5"};
      row.optional("alpha", alphas[random.nextInt(alphas.length)]);
    }
    if (random.nextBoolean()) {
      row.optional("beta", random.nextBoolean() ? "0.75" : "0.5");
    }
    if (random.nextBoolean()) {
      row.optional("k", random.nextBoolean() ? "1" : "2");
    }
    return row;
  }

  private String patch5x5() {
    return random.nextBoolean() ? "3x3" : "5x5";
  }

  private int branch() {
    return 1 + random.nextInt(MAX_BRANCH);
  }

  /** A row name unique in the main path: the kind and the row's position. */
  private String name(String kind) {
    return kind + (layers.size() + 1);
  }
}
