package io.netspec.runtime.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes IDX files of unsigned bytes (the format of MNIST and Fashion-MNIST), gzip-compressed or
 * not: compression is recognised by the gzip magic number, not by the file name.
 *
 * <p>An IDX file starts with two zero bytes, a type byte ({@code 0x08} for unsigned bytes), the number of
 * dimensions, then each dimension as a big-endian 32-bit integer, then the values.
 */
public final class IdxFormat {

  /** The IDX type code of unsigned bytes, the only one Fashion-MNIST uses. */
  static final int UNSIGNED_BYTE = 0x08;

  private static final int GZIP_MAGIC = 0x1f8b;
  private static final long MAX_VALUES = Integer.MAX_VALUE - 8L;

  private IdxFormat() {}

  /**
   * Reads one IDX file.
   *
   * @throws DataException if the file is missing, is not an IDX file of unsigned bytes, or is truncated
   */
  public static IdxArray read(Path file) throws DataException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in);
    } catch (NoSuchFileException e) {
      throw new DataException(file.toString(), "file not found");
    } catch (IOException e) {
      throw new DataException(file.toString(), "cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Reads one IDX file from a stream, which this method does not close.
   *
   * @param name the name to report in errors
   */
  public static IdxArray read(String name, InputStream raw) throws DataException {
    try {
      return readHeaderAndValues(name, new DataInputStream(decompressed(raw)));
    } catch (EOFException e) {
      throw new DataException(name, "truncated: the file ends inside its header or gzip stream", e);
    } catch (ZipException e) {
      throw new DataException(name, "corrupt gzip data (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new DataException(name, "cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int magic = (in.read() << 8) | in.read();
    in.reset();
    return magic == GZIP_MAGIC ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
  }

  private static IdxArray readHeaderAndValues(String name, DataInputStream in)
      throws IOException, DataException {
    int magic = in.readInt();
    if ((magic >>> 16) != 0) {
      throw new DataException(name, String.format(
          "not an IDX file (it starts with 0x%08x; an IDX file starts with two zero bytes)", magic));
    }
    int type = (magic >>> 8) & 0xff;
    if (type != UNSIGNED_BYTE) {
      throw new DataException(name, String.format(
          "IDX value type 0x%02x is not supported; expected unsigned bytes (0x08)", type));
    }
    int[] dimensions = new int[magic & 0xff];
    for (int i = 0; i < dimensions.length; i++) {
      dimensions[i] = in.readInt();
      if (dimensions[i] < 0) {
        throw new DataException(name, "dimension " + i + " is negative (" + dimensions[i] + ")");
      }
    }
    for (int i = 1; i < dimensions.length; i++) {
      if (dimensions[i] == 0) {
        throw new DataException(name, "dimension " + i + " is zero (" + shape(dimensions)
            + "): its items hold no values");
      }
    }
    long expected = IdxArray.elementCount(dimensions);
    if (expected > MAX_VALUES) {
      throw new DataException(name, "its header announces " + shape(dimensions) + " = "
          + (expected == Long.MAX_VALUE ? "more than 2^63" : Long.toString(expected)) + " values, more than the "
          + MAX_VALUES + " one IDX file may hold");
    }
    // not new byte[expected]: the values are read in chunks, so that a header announcing far more values than
    // the file holds costs no more memory than the file
    byte[] values = in.readNBytes((int) expected);
    int found = values.length;
    if (found < expected) {
      throw new DataException(name,
          "truncated: its header announces " + expected + " values, the file holds " + found);
    }
    if (in.read() != -1) {
      throw new DataException(name, "longer than its header announces (" + expected + " values)");
    }
    return new IdxArray(dimensions, values);
  }

  private static String shape(int[] dimensions) {
    return Arrays.stream(dimensions).mapToObj(Integer::toString)
        .collect(Collectors.joining("x"));
  }

  /**
   * Writes an IDX file of unsigned bytes, gzip-compressed if {@code gzip} is true. The gzip stream has no
   * time stamp, so the same array always gives the same bytes.
   */
  public static void write(IdxArray array, OutputStream raw, boolean gzip) throws IOException {
    OutputStream sink = gzip ? new GZIPOutputStream(raw, 1 << 16) : new BufferedOutputStream(raw, 1 << 16);
    DataOutputStream out = new DataOutputStream(sink);
    int[] dimensions = array.dimensions();
    out.writeInt((UNSIGNED_BYTE << 8) | dimensions.length);
    for (int d : dimensions) {
      out.writeInt(d);
    }
    out.write(array.values());
    out.flush();
    if (sink instanceof GZIPOutputStream zipped) {
      zipped.finish();
    }
  }
}
