/**
 * The DJL blocks that netspec's generated network classes and its interpreter compose, one class per concept,
 * each with a builder in the style of DJL's {@code Conv2d.builder()}: {@link io.netspec.blocks.ConvolutionUnit}
 * (a convolution with an optional 1x1 reduction, BatchNorm and ReLU), {@link io.netspec.blocks.InceptionModule},
 * {@link io.netspec.blocks.AuxClassifier}, {@link io.netspec.blocks.LocalResponseNorm},
 * {@link io.netspec.blocks.MaxPool} (exact shifted-maxima inference path) and
 * {@link io.netspec.blocks.AdaptiveAvgPool}. A convolution unit's convolution runs through
 * {@code CheckedConvolution}, which probes each configuration on the CPU once and runs it the first of three ways
 * that computes it right on the processor: channels-last, the plain layout, libtorch's im2col convolution. The
 * library depends on {@code ai.djl:api}, DJL's PyTorch engine (the bfloat16 casts and the checked convolutions
 * are TorchScript run through it) and {@code slf4j-api}; generated code depends on it the way protobuf's
 * generated code depends on protobuf-java.
 *
 * <p>Child names are part of the contract: they make the parameter names of saved files
 * ({@code 01conv1_02conv_weight}), so they never change.
 */
package io.netspec.blocks;
