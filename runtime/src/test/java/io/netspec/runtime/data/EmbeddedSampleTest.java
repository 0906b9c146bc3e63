package io.netspec.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedSampleTest {

  private static final long MAX_BYTES = 5L * 1024 * 1024;

  @Test
  void trainingSplitIsClassBalanced() throws Exception {
    LabeledImages train = new EmbeddedSample().load(Split.TRAIN);
    assertEquals(8000, train.count());
    assertArrayEquals(filled(800), train.classCounts(FashionMnist.classes()));
    assertEquals(FashionMnist.IMAGE_SIZE, train.height());
    assertEquals(FashionMnist.IMAGE_SIZE, train.width());
  }

  @Test
  void heldOutSplitIsClassBalanced() throws Exception {
    LabeledImages test = new EmbeddedSample().load(Split.TEST);
    assertEquals(2000, test.count());
    assertArrayEquals(filled(200), test.classCounts(FashionMnist.classes()));
  }

  @Test
  void sampleAndNoticeFitInFiveMegabytes() throws IOException {
    long total = 0;
    for (String name : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "LICENSE")) {
      total += resource(name).length;
    }
    assertTrue(total <= MAX_BYTES, total + " bytes");
  }

  @Test
  void licenceNoticeShipsBesideTheSample() throws IOException {
    String notice = new String(resource("LICENSE"), StandardCharsets.UTF_8);
    assertTrue(notice.contains("Zalando"), notice);
    assertTrue(notice.contains("Permission is hereby granted"), notice);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = EmbeddedSample.class.getResourceAsStream(EmbeddedSample.RESOURCE_FOLDER + name)) {
      assertNotNull(in, name);
      return in.readAllBytes();
    }
  }

  private static int[] filled(int value) {
    int[] counts = new int[FashionMnist.classes()];
    Arrays.fill(counts, value);
    return counts;
  }
}
