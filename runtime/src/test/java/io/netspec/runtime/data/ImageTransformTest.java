package io.netspec.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImageTransformTest {

  private static LabeledImages twoByTwo(int... pixels) {
    byte[] bytes = new byte[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      bytes[i] = (byte) pixels[i];
    }
    return new LabeledImages("test", 2, 2, bytes, new byte[] {0});
  }

  @Test
  void normalisesWithMeanAndStandardDeviation() {
    ImageTransform transform = new ImageTransform(1, 2, 2, 0.5f, 0.25f);
    float[] input = transform.apply(twoByTwo(0, 255, 51, 204), 0);
    assertArrayEquals(new float[] {-2f, 2f, -1.2f, 1.2f}, input, 1e-5f);
  }

  @Test
  void repeatsTheImageOverEveryChannel() {
    float[] input = new ImageTransform(3, 2, 2, 0f, 1f).apply(twoByTwo(0, 255, 0, 255), 0);
    assertArrayEquals(new float[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}, input, 1e-6f);
  }

  @Test
  void upsamplesAsPytorchBilinearWithoutAlignedCorners() {
    // torch.nn.functional.interpolate(tensor([[0., 1.], [2., 3.]])[None, None], size=4, mode="bilinear")
    float[] expected = {
      0.00f, 0.25f, 0.75f, 1.00f,
      0.50f, 0.75f, 1.25f, 1.50f,
      1.50f, 1.75f, 2.25f, 2.50f,
      2.00f, 2.25f, 2.75f, 3.00f};
    float[] input = new ImageTransform(1, 4, 4, 0f, 1f / 255f).apply(twoByTwo(0, 1, 2, 3), 0);
    assertArrayEquals(expected, input, 1e-5f);
  }

  @Test
  void resizesFashionMnistToGoogLeNetInput() {
    LabeledImages one = new LabeledImages("test", 28, 28, new byte[784], new byte[] {0});
    assertEquals(3 * 224 * 224, new ImageTransform(3, 224, 224, 0f, 1f).apply(one, 0).length);
  }
}
