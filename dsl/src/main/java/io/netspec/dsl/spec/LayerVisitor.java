package io.netspec.dsl.spec;

/**
 * What to do with each kind of row, one method per record that implements {@link Layer}: the one place the
 * row types are dispatched on. Code that treats rows by kind implements this interface and calls
 * {@link Layer#accept}, so that adding a row kind (a new {@code visit} method here) is a compile error in every
 * such class until it handles the new kind. The steps are in {@code dsl/README.md}, "Adding a row kind".
 *
 * @param <R> what a visit returns
 */
public interface LayerVisitor<R> {

  R visitConvolution(Convolution row);

  R visitPool(Pool row);

  R visitGlobalAvgPool(GlobalAvgPool row);

  R visitAdaptiveAvgPool(AdaptiveAvgPool row);

  R visitLocalResponseNorm(LocalResponseNorm row);

  R visitInception(Inception row);

  R visitDropout(Dropout row);

  R visitLinear(Linear row);

  R visitSoftmax(Softmax row);
}
