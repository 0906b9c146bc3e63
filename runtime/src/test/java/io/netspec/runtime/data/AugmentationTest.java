package io.netspec.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.modality.cv.transform.RandomFlipLeftRight;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentationTest {

  /** One 2x3 image: 0 1 2 / 3 4 5. */
  private static final LabeledImages IMAGE =
      new LabeledImages("test", 2, 3, new byte[] {0, 1, 2, 3, 4, 5}, new byte[] {0});

  private final ImageTransform identity = new ImageTransform(1, 2, 3, 0f, 1f / 255f);

  @Test
  void flipMirrorsHalfTheImages() {
    Random random = new Random(1);
    int flipped = 0;
    for (int i = 0; i < 200; i++) {
      float[] input = identity.apply(IMAGE, 0, Augmentation.FLIP, random);
      if (input[0] == 2f) {
        assertArrayEquals(new float[] {2, 1, 0, 5, 4, 3}, input, 1e-6f);
        flipped++;
      } else {
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, input, 1e-6f);
      }
    }
    assertTrue(flipped > 70 && flipped < 130, "flipped " + flipped + " of 200");
  }

  @Test
  void cropReadsAWindowInsideTheImage() {
    Random random = new Random(7);
    for (int i = 0; i < 50; i++) {
      Augmentation.Window w = Augmentation.CROP.window(20, 30, random);
      assertTrue(w.top() >= 0 && w.left() >= 0 && w.top() + w.height() <= 20 && w.left() + w.width() <= 30,
          w.toString());
    }
    assertEquals(new Augmentation.Window(0, 0, 20, 30), Augmentation.NONE.window(20, 30, random));
  }

  /** Why netspec flips images itself: DJL 0.36's transform drops the flipped array and returns its input. */
  @Test
  void djlRandomFlipLeftRightNeverFlips() {
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      NDArray image = manager.arange(6f).reshape(1, 3, 2); // HWC: one row of three pixels, two channels
      RandomFlipLeftRight flip = new RandomFlipLeftRight();
      for (int i = 0; i < 20; i++) {
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, flip.transform(image).toFloatArray());
      }
    }
  }

  @Test
  void namesParse() {
    assertEquals(Augmentation.CROP_FLIP, Augmentation.parse("crop+flip"));
    assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("rotate"));
  }
}
