package io.netspec.generator;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code LocalResponseNorm}, which DJL lacks: normalisation across channels as PyTorch's
 * {@code LocalResponseNorm} and Caffe's LRN compute it, from NDArray operations only.
 */
final class LocalResponseNormType {

  /** The builder's defaults, AlexNet's and Caffe's: call sites state only the options that differ. */
  static final int DEFAULT_SIZE = 5;
  static final float DEFAULT_ALPHA = 1e-4f;
  static final float DEFAULT_BETA = 0.75f;
  static final float DEFAULT_K = 1f;

  private LocalResponseNormType() {}

  static TypeSpec create(ModuleTypes types) {
    ClassName self = types.of(ModuleKind.LOCAL_RESPONSE_NORM);
    ClassName builder = self.nestedClass("Builder");
    FieldSpec size = FieldSpec.builder(int.class, "size", Modifier.PRIVATE, Modifier.FINAL).build();
    FieldSpec alpha = FieldSpec.builder(float.class, "alpha", Modifier.PRIVATE, Modifier.FINAL).build();
    FieldSpec beta = FieldSpec.builder(float.class, "beta", Modifier.PRIVATE, Modifier.FINAL).build();
    FieldSpec k = FieldSpec.builder(float.class, "k", Modifier.PRIVATE, Modifier.FINAL).build();
    List<FieldSpec> fields = List.of(size, alpha, beta, k);

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(builder, "builder")
        .addStatement("super(VERSION)");
    fields.forEach(field -> constructor.addStatement("$N = builder.$N", field, field));

    MethodSpec forward = BlockMethods.forwardInternal()
        .addStatement("$T input = inputs.singletonOrThrow()", Djl.ND_ARRAY)
        .addStatement("$T shape = input.getShape()", Djl.SHAPE)
        .addStatement("long channels = shape.get(1)")
        .addStatement("$T caller = input.getManager()", Djl.ND_MANAGER)
        .beginControlFlow("try ($T scope = caller.newSubManager())", Djl.ND_MANAGER)
        .addComment("the arithmetic's intermediate arrays land in scope and are freed with it, the result excepted;")
        .addComment("what the backward pass needs, the engine keeps")
        .addStatement("input.tempAttach(scope)")
        .addComment("the squares as (N, 1, C, H * W): a (size x 1) average pool then slides over the channels.")
        .addComment("Padding counts as zeros, as PyTorch pads size / 2 channels before and (size - 1) / 2 after;")
        .addComment("an even size leaves one channel too many at the end, which the index drops.")
        .addStatement("$T squares = input.square().reshape(shape.get(0), 1, channels, -1)", Djl.ND_ARRAY)
        .addStatement(CodeBlock.builder()
            .add("$T average = $T.avgPool2d(squares, new $T($N, 1), new $T(1, 1), new $T($N / 2, 0), false, true)\n",
                Djl.ND_ARRAY, Djl.POOL, Djl.SHAPE, size, Djl.SHAPE, Djl.SHAPE, size)
            .add(".get(new $T($S, channels))\n", Djl.ND_INDEX, ":, :, :{}")
            .add(".reshape(shape)")
            .build())
        .addComment("alpha and beta as engine arrays: DJL 0.36 wraps a Number in a tensor over a Java buffer that it")
        .addComment("frees at once, while the backward pass of mul and pow keeps that tensor and would read freed memory")
        .addStatement("$T scale = scope.full(new $T(), $N, input.getDataType())", Djl.ND_ARRAY, Djl.SHAPE, alpha)
        .addStatement("$T exponent = scope.full(new $T(), $N, input.getDataType())", Djl.ND_ARRAY, Djl.SHAPE, beta)
        .addStatement("$T normalised = input.div(average.mul(scale).add($N).pow(exponent))", Djl.ND_ARRAY, k)
        .addStatement("normalised.attach(caller)")
        .addStatement("return new $T(normalised)", Djl.ND_LIST)
        .endControlFlow()
        .build();

    MethodSpec outputShapes = BlockMethods.getOutputShapes().addStatement("return inputShapes").build();

    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(Djl.ABSTRACT_BLOCK)
        .addJavadoc("Local response normalisation across channels, as in AlexNet, the reference Caffe GoogLeNet and\n"
            + "PyTorch's {@code LocalResponseNorm}:\n"
            + "{@code b[c] = a[c] / (k + alpha / size * sum(a[c']^2))^beta}, the sum over the {@code size}\n"
            + "channels {@code c'} around {@code c} (zero beyond the edges). It has no parameters.\n")
        .addField(BlockMethods.version())
        .addFields(fields)
        .addMethod(constructor.build())
        .addMethod(BuilderMethods.builderFactory(builder, self.simpleName()));
    String[] docs = {
      "The number of neighbouring channels summed over.",
      "The scale of the sum, alpha.",
      "The exponent, beta.",
      "The additive constant, k."
    };
    for (int i = 0; i < fields.size(); i++) {
      FieldSpec field = fields.get(i);
      type.addMethod(BlockMethods.accessor(field, docs[i] + "\n\n@return " + field.name));
    }
    return type.addMethod(forward)
        .addMethod(outputShapes)
        .addType(builderType(self, builder))
        .build();
  }

  private static TypeSpec builderType(ClassName self, ClassName builder) {
    FieldSpec size = BuilderMethods.field(TypeName.INT, "size", CodeBlock.of("$L", DEFAULT_SIZE));
    FieldSpec alpha = BuilderMethods.field(TypeName.FLOAT, "alpha", CodeBlock.of("1e-4f"));
    FieldSpec beta = BuilderMethods.field(TypeName.FLOAT, "beta", CodeBlock.of("0.75f"));
    FieldSpec k = BuilderMethods.field(TypeName.FLOAT, "k", CodeBlock.of("1f"));
    CodeBlock none = CodeBlock.of("");
    return TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Builds a {@link $T}; the defaults are AlexNet's and Caffe's.\n", self)
        .addFields(List.of(size, alpha, beta, k))
        .addMethod(BuilderMethods.constructor())
        .addMethod(BuilderMethods.setter(builder, "optSize", size,
            "Sets the number of neighbouring channels summed over (5 when not set).", "the window size",
            BuilderMethods.require("size > 0", "size must be positive: ", size)))
        .addMethod(BuilderMethods.setter(builder, "optAlpha", alpha,
            "Sets alpha, the scale of the sum (1e-4 when not set).", "alpha", none))
        .addMethod(BuilderMethods.setter(builder, "optBeta", beta,
            "Sets beta, the exponent (0.75 when not set).", "beta", none))
        .addMethod(BuilderMethods.setter(builder, "optK", k,
            "Sets k, the additive constant (1 when not set).", "k", none))
        .addMethod(MethodSpec.methodBuilder("build")
            .addModifiers(Modifier.PUBLIC)
            .returns(self)
            .addJavadoc("Builds the block.\n\n@return the block\n")
            .addStatement("return new $T(this)", self)
            .build())
        .build();
  }
}
