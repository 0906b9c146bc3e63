package io.netspec.blocks;

/**
 * A convolution with the inference-mode batch normalisation that follows it folded in: one convolution that
 * computes what the two compute when the normalisation uses its running statistics. With
 * {@code s = gamma / sqrt(running_var + epsilon)} per output channel, the weight becomes {@code w * s} and the
 * bias {@code beta + (b - running_mean) * s} ({@code b} zero for a convolution without bias). Used once, by
 * {@link ConvolutionUnit#foldBatchNorm()} and by the ONNX exporter, so that both fold alike.
 *
 * @param weight {@code (out, in, kh, kw)} row-major
 * @param bias {@code (out)}
 */
public record FoldedConvolution(float[] weight, float[] bias) {

  /**
   * Folds a batch normalisation into the convolution before it.
   *
   * @param weight the convolution's weight, {@code (out, in, kh, kw)} row-major
   * @param bias the convolution's bias {@code (out)}, or null for none
   * @param gamma the normalisation's scale {@code (out)}
   * @param beta its shift {@code (out)}
   * @param runningMean its running mean {@code (out)}
   * @param runningVar its running variance {@code (out)}
   * @param epsilon its epsilon
   * @return the folded weight and bias, new arrays
   * @throws IllegalArgumentException if the lengths do not match
   */
  public static FoldedConvolution of(float[] weight, float[] bias, float[] gamma, float[] beta, float[] runningMean,
      float[] runningVar, double epsilon) {
    int channels = gamma.length;
    if (channels == 0 || weight.length % channels != 0 || beta.length != channels || runningMean.length != channels
        || runningVar.length != channels || (bias != null && bias.length != channels)) {
      throw new IllegalArgumentException("a batch normalisation of " + channels + " channels does not fit a "
          + "convolution of " + weight.length + " weights");
    }
    int perChannel = weight.length / channels;
    float[] foldedWeight = new float[weight.length];
    float[] foldedBias = new float[channels];
    for (int c = 0; c < channels; c++) {
      double scale = gamma[c] / Math.sqrt((double) runningVar[c] + epsilon);
      for (int i = c * perChannel; i < (c + 1) * perChannel; i++) {
        foldedWeight[i] = (float) (weight[i] * scale);
      }
      double b = bias == null ? 0 : bias[c];
      foldedBias[c] = (float) (beta[c] + (b - runningMean[c]) * scale);
    }
    return new FoldedConvolution(foldedWeight, foldedBias);
  }
}
