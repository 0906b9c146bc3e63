package io.netspec.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleMakerTest {

  /** 30 one-pixel images whose pixel is their index; labels cycle 0, 1, 2. */
  private static LabeledImages thirty() {
    byte[] pixels = new byte[30];
    byte[] labels = new byte[30];
    for (int i = 0; i < 30; i++) {
      pixels[i] = (byte) i;
      labels[i] = (byte) (i % 3);
    }
    return new LabeledImages("test", 1, 1, pixels, labels);
  }

  @Test
  void sampleIsBalancedSeededAndInOriginalOrder() throws Exception {
    LabeledImages sample = SampleMaker.balancedSample(thirty(), 3, 4, 7);
    assertArrayEquals(new int[] {4, 4, 4}, sample.classCounts(3));
    for (int i = 1; i < sample.count(); i++) {
      assertTrue(sample.pixels()[i] > sample.pixels()[i - 1], "original order");
    }
    for (int i = 0; i < sample.count(); i++) {
      assertEquals(sample.pixels()[i] % 3, sample.label(i), "pixels travel with their labels");
    }
    assertArrayEquals(sample.pixels(), SampleMaker.balancedSample(thirty(), 3, 4, 7).pixels());
  }

  @Test
  void tooFewImagesOfAClassIsAnError() {
    DataException e = assertThrows(DataException.class, () -> SampleMaker.balancedSample(thirty(), 3, 11, 7));
    assertEquals("test: class 0 has 10 images, fewer than the 11 asked for", e.getMessage());
  }

  @Test
  void writtenSampleReadsBackAsAnIdxFolder(@TempDir Path folder) throws Exception {
    LabeledImages images = new LabeledImages("test", 2, 2, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, new byte[] {3, 5});
    SampleMaker.write(images, folder, Split.TEST);
    LabeledImages read = new IdxDirectory(folder).load(Split.TEST);
    assertArrayEquals(images.pixels(), read.pixels());
    assertArrayEquals(images.labels(), read.labels());
  }
}
