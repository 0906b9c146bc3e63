/**
 * Loading a spec: from YAML nodes to a checked {@link io.netspec.dsl.spec.NetworkSpec}, every mistake of the
 * file and of the files it extends reported together.
 *
 * <p>Where a key is read and checked:
 * <ul>
 *   <li>top-level keys ({@code extends}, {@code input}, {@code layers}, ...): {@code DocumentReader}, values
 *       of {@code input}, {@code classes}, {@code description} in {@code SpecBinder};
 *   <li>{@code extends}: {@code ChainReader}; {@code change}, {@code remove} and the merging rules:
 *       {@code VariantMerger};
 *   <li>{@code defaults}: {@code Defaults}, with {@code StyleKeys} (bias, batch_norm, activation) and
 *       {@code LrnSettings}, which rows use too;
 *   <li>a row's {@code name}, {@code type} and {@code paper}: {@code RowBinder}, {@code NameRules},
 *       {@code PrintedFiguresReader}; its other keys: the {@code RowType} of its type ({@code ConvolutionRow},
 *       {@code PoolRow}, {@code InceptionRow}, ..., listed in {@code RowTypes});
 *   <li>{@code auxiliary_classifiers}: {@code AuxBinder}, and {@code after} in {@code SpecBinder};
 *   <li>the form of every scalar (integers, numbers, patches, sizes, choices): {@code Scalars};
 *   <li>the file name, which gives the generated class and its package: {@code ClassNames}, which also finds
 *       the specs of one run that would share a package.
 * </ul>
 */
package io.netspec.dsl.load;
