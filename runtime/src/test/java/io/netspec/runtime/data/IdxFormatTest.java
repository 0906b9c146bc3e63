package io.netspec.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxFormatTest {

  @TempDir
  Path folder;

  /** Three 2x3 "images" with values 0..17. */
  private static IdxArray smallImages() {
    byte[] values = new byte[18];
    for (int i = 0; i < values.length; i++) {
      values[i] = (byte) (i * 14); // up to 238: exercises unsigned bytes
    }
    return new IdxArray(new int[] {3, 2, 3}, values);
  }

  private static byte[] encode(IdxArray array, boolean gzip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IdxFormat.write(array, out, gzip);
    return out.toByteArray();
  }

  private Path file(String name, byte[] bytes) throws IOException {
    return Files.write(folder.resolve(name), bytes);
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void readsWhatItWrites(boolean gzip) throws Exception {
    Path path = file("images", encode(smallImages(), gzip));
    IdxArray read = IdxFormat.read(path);
    assertArrayEquals(new int[] {3, 2, 3}, read.dimensions());
    assertArrayEquals(smallImages().values(), read.values());
    assertEquals(3, read.count());
    assertEquals(6, read.itemSize());
  }

  @Test
  void plainFileHasTheDocumentedHeader() throws Exception {
    byte[] bytes = encode(smallImages(), false);
    assertArrayEquals(new byte[] {0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 3}, Arrays.copyOf(bytes, 16));
    assertEquals(16 + 18, bytes.length);
  }

  @Test
  void compressionIsRecognisedByContentNotName() throws Exception {
    Path zippedWithoutSuffix = file("labels-idx1-ubyte", encode(new IdxArray(new int[] {2}, new byte[] {1, 9}),
        true));
    assertArrayEquals(new byte[] {1, 9}, IdxFormat.read(zippedWithoutSuffix).values());
  }

  @Test
  void gzipOutputIsReproducible() throws Exception {
    assertArrayEquals(encode(smallImages(), true), encode(smallImages(), true));
  }

  @Test
  void missingFileIsNamed() {
    Path missing = folder.resolve("absent-idx3-ubyte.gz");
    DataException e = assertThrows(DataException.class, () -> IdxFormat.read(missing));
    assertEquals(missing + ": file not found", e.getMessage());
  }

  @Test
  void wrongMagicIsNamed() throws Exception {
    Path png = file("picture.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    DataException e = assertThrows(DataException.class, () -> IdxFormat.read(png));
    assertOneLineNaming(png, "not an IDX file", e);
  }

  @Test
  void unsupportedValueTypeIsNamed() throws Exception {
    byte[] bytes = encode(smallImages(), false);
    bytes[2] = 0x0d; // float
    Path floats = file("floats-idx3", bytes);
    DataException e = assertThrows(DataException.class, () -> IdxFormat.read(floats));
    assertOneLineNaming(floats, "0x0d is not supported", e);
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void truncatedValuesAreNamed(boolean gzip) throws Exception {
    byte[] plain = encode(smallImages(), false);
    byte[] shortened = Arrays.copyOf(plain, plain.length - 5);
    Path path = file("truncated" + (gzip ? ".gz" : ""), gzip ? gzipOf(shortened) : shortened);
    DataException e = assertThrows(DataException.class, () -> IdxFormat.read(path));
    assertOneLineNaming(path, "truncated", e);
    assertTrue(e.getMessage().contains("18 values") && e.getMessage().contains("holds 13"), e.getMessage());
  }

  @Test
  void truncatedHeaderIsNamed() throws Exception {
    Path path = file("header-only", Arrays.copyOf(encode(smallImages(), false), 9));
    assertOneLineNaming(path, "truncated", assertThrows(DataException.class, () -> IdxFormat.read(path)));
  }

  @Test
  void cutGzipStreamIsNamed() throws Exception {
    byte[] zipped = encode(smallImages(), true);
    Path path = file("cut.gz", Arrays.copyOf(zipped, zipped.length - 6));
    DataException e = assertThrows(DataException.class, () -> IdxFormat.read(path));
    assertTrue(e.getMessage().startsWith(path + ": "), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void trailingBytesAreNamed() throws Exception {
    byte[] plain = encode(smallImages(), false);
    Path path = file("long", Arrays.copyOf(plain, plain.length + 3));
    assertOneLineNaming(path, "longer than its header",
        assertThrows(DataException.class, () -> IdxFormat.read(path)));
  }

  private static byte[] gzipOf(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.toByteArray();
  }

  static void assertOneLineNaming(Path file, String problem, DataException e) {
    String message = e.getMessage();
    assertTrue(message.startsWith(file + ": "), message);
    assertTrue(message.contains(problem), message);
    assertEquals(1, message.lines().count(), message);
  }
}
