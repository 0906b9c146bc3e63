package io.netspec.dsl.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netspec.dsl.diagnostics.SpecException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reading stays within the size limit whatever the file does: it is never read past the limit. */
class SafeYamlReaderTest {

  /** A stream that never ends, as a device or a file still being written would be, counting what is read. */
  private static final class EndlessSpec extends InputStream {
    private static final byte[] LINE = "# more\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    long read;

    @Override
    public int read() {
      return LINE[(int) (read++ % LINE.length)];
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      for (int i = 0; i < length; i++) {
        buffer[offset + i] = (byte) read();
      }
      return length;
    }
  }

  @Test
  @Timeout(10)
  void aStreamThatNeverEndsIsReadOnlyOneByteBeyondTheLimit() {
    EndlessSpec endless = new EndlessSpec();
    SpecException thrown = assertThrows(SpecException.class,
        () -> SafeYamlReader.read(Path.of("endless.yaml"), "endless.yaml", endless));
    assertEquals(List.of("endless.yaml:1:1: error: the file has more than 1048576 bytes; a spec may have at "
        + "most 1048576"), thrown.diagnostics().stream().map(Object::toString).toList());
    assertEquals(YamlLimits.MAX_FILE_BYTES + 1, endless.read);
  }
}
