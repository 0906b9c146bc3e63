package io.netspec.blocks;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Casts between FP32 and bfloat16 that the backward pass goes through, for {@link Precision#BF16}.
 *
 * <p>DJL 0.36 cannot do this itself: its PyTorch engine's {@code NDArray.toType} runs libtorch's {@code to}
 * under a no-grad guard (JNI {@code torchTo}), so a gradient stops at the cast, and its native table of data
 * types ends before bfloat16 ({@code DataType.BFLOAT16} makes the JVM abort). Arrays of bfloat16 that libtorch
 * made are handled, shown by DJL as {@code DataType.UNKNOWN}. So each cast here is a one-line TorchScript
 * module, whose source text is written below and compiled by libtorch when first used, run through DJL's
 * {@link IValueUtils#forward} with gradients recorded in training. Needs DJL's PyTorch engine.
 */
final class EngineCasts {

  /** {@code c10::ScalarType::Float} and {@code BFloat16}, as TorchScript writes a dtype. */
  private static final int TORCH_FLOAT32 = 6;
  private static final int TORCH_BFLOAT16 = 15;

  private static final class Modules {
    static final NDManager MANAGER = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(),
        "PyTorch");
    static final PtSymbolBlock TO_BFLOAT16 = load("ToBFloat16", "x: Tensor", "torch.to(x, " + TORCH_BFLOAT16 + ")");
    static final PtSymbolBlock TO_FLOAT32 = load("ToFloat32", "x: Tensor", "torch.to(x, " + TORCH_FLOAT32 + ")");
    static final PtSymbolBlock TYPE_AS = load("TypeAs", "x: Tensor, like: Tensor", "torch.type_as(x, like)");
  }

  private EngineCasts() {}

  /**
   * {@code x} as bfloat16.
   *
   * @param x an array
   * @param training whether to record the cast for the backward pass
   * @return a new array, in {@code x}'s manager
   */
  static NDArray toBFloat16(NDArray x, boolean training) {
    return IValueUtils.forward(Modules.TO_BFLOAT16, new NDList(x), training).singletonOrThrow();
  }

  /**
   * {@code x} as FP32.
   *
   * @param x an array
   * @param training whether to record the cast for the backward pass
   * @return a new array, in {@code x}'s manager
   */
  static NDArray toFloat32(NDArray x, boolean training) {
    return IValueUtils.forward(Modules.TO_FLOAT32, new NDList(x), training).singletonOrThrow();
  }

  /**
   * {@code x} in the data type of {@code like}.
   *
   * @param x an array
   * @param like an array of the type wanted
   * @param training whether to record the cast for the backward pass
   * @return a new array, in {@code x}'s manager
   */
  static NDArray typeAs(NDArray x, NDArray like, boolean training) {
    return IValueUtils.forward(Modules.TYPE_AS, new NDList(x, like), training).singletonOrThrow();
  }

  /**
   * The cast of {@code x} to {@code type}, FP32 or bfloat16.
   *
   * @throws IllegalArgumentException for another type
   */
  static NDArray to(NDArray x, DataType type, boolean training) {
    return switch (type) {
      case FLOAT32 -> toFloat32(x, training);
      case BFLOAT16 -> toBFloat16(x, training);
      default -> throw new IllegalArgumentException("no cast to " + type);
    };
  }

  /**
   * {@code operation} computed in FP32: on {@code input} itself if it is FP32, else on its FP32 cast, the result
   * cast back to {@code input}'s type. For arithmetic that bfloat16 would round too coarsely.
   */
  static NDArray inFloat32(NDArray input, boolean training, UnaryOperator<NDArray> operation) {
    if (input.getDataType() == DataType.FLOAT32) {
      return operation.apply(input);
    }
    try (NDArray wide = toFloat32(input, training);
        NDArray result = operation.apply(wide)) {
      return typeAs(result, input, training);
    }
  }

  /**
   * A one-line TorchScript module (see {@link #archive}), compiled by libtorch; its arrays belong to this class's
   * manager. {@code CheckedConvolution}'s convolutions are loaded the same way.
   */
  static PtSymbolBlock load(String name, String parameters, String expression) {
    try {
      return JniUtils.loadModule((PtNDManager) Modules.MANAGER,
          new ByteArrayInputStream(archive(name, parameters, expression)), false, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A TorchScript archive, as {@code torch.jit.save} writes one, of a module without parameters whose
   * {@code forward} returns {@code expression}: its version, its pickled object (a {@code __torch__.NAME} with
   * a {@code training} attribute), its constants (none) and its code.
   */
  static byte[] archive(String name, String parameters, String expression) throws IOException {
    String code = "class " + name + "(Module):\n"
        + "  __parameters__ = []\n"
        + "  __buffers__ = []\n"
        + "  training : bool\n"
        + "  def forward(self: __torch__." + name + ",\n"
        + "    " + parameters + ") -> Tensor:\n"
        + "    return " + expression + "\n";
    ByteArrayOutputStream object = new ByteArrayOutputStream();
    // pickle protocol 2: GLOBAL __torch__ NAME, EMPTY_TUPLE, NEWOBJ, EMPTY_DICT, MARK,
    // BINUNICODE "training", NEWFALSE, SETITEMS, BUILD, STOP
    object.write(new byte[] {(byte) 0x80, 2, 'c'});
    object.write(("__torch__\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    object.write(new byte[] {')', (byte) 0x81, '}', '(', 'X', 8, 0, 0, 0});
    object.write("training".getBytes(StandardCharsets.US_ASCII));
    object.write(new byte[] {(byte) 0x89, 'u', 'b', '.'});
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(zip, name + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
      entry(zip, name + "/data.pkl", object.toByteArray());
      entry(zip, name + "/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // an empty tuple
      entry(zip, name + "/code/__torch__.py", code.getBytes(StandardCharsets.US_ASCII));
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(data);
    zip.closeEntry();
  }
}
