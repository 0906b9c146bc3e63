package io.netspec.report.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfusionMatrixTest {

  @TempDir
  Path folder;

  @Test
  void readsJsonWithClassNames() throws IOException {
    Files.writeString(folder.resolve(ConfusionMatrix.JSON_FILE),
        "{\"classes\": [\"cat\", \"dog\"], \"matrix\": [[8, 2], [1, 9]]}");
    ConfusionMatrix matrix = ConfusionMatrix.read(folder).orElseThrow();
    assertEquals(List.of("cat", "dog"), matrix.classes());
    assertEquals(List.of(List.of(8L, 2L), List.of(1L, 9L)), matrix.counts());
    assertEquals(20, matrix.total());
    assertEquals(0.85, matrix.accuracy(), 1e-12);
  }

  @Test
  void namesClassesFromClassIndicesWhenTheMatrixDoesNot() throws IOException {
    Files.writeString(folder.resolve(ConfusionMatrix.JSON_FILE), "{\"matrix\": [[1, 0, 0], [0, 1, 0], [0, 0, 1]]}");
    Files.writeString(folder.resolve(ConfusionMatrix.CLASS_INDICES_FILE),
        "{\"0\": \"T-shirt/top\", \"1\": \"Trouser\"}");
    assertEquals(List.of("T-shirt/top", "Trouser", "2"), ConfusionMatrix.read(folder).orElseThrow().classes());
  }

  @Test
  void readsCsv() throws IOException {
    Files.writeString(folder.resolve(ConfusionMatrix.CSV_FILE), "true\\predicted,cat,dog\ncat,8,2\ndog,1,9\n");
    ConfusionMatrix matrix = ConfusionMatrix.read(folder).orElseThrow();
    assertEquals(List.of("cat", "dog"), matrix.classes());
    assertEquals(List.of(List.of(8L, 2L), List.of(1L, 9L)), matrix.counts());
  }

  @Test
  void aFolderWithoutAMatrixHasNone() throws IOException {
    assertEquals(Optional.empty(), ConfusionMatrix.read(folder));
  }

  @Test
  void rejectsMatricesThatAreNotSquareOrNotCounts() throws IOException {
    Path json = folder.resolve(ConfusionMatrix.JSON_FILE);
    for (String bad : List.of("{\"matrix\": [[1, 2], [3]]}", "{\"matrix\": [[1.5]]}", "{\"matrix\": [[-1]]}",
        "{\"rows\": []}", "[1, 2]", "{\"classes\": [\"a\"], \"matrix\": [[1, 0], [0, 1]]}")) {
      Files.writeString(json, bad);
      IOException e = assertThrows(IOException.class, () -> ConfusionMatrix.read(folder), bad);
      assertTrue(e.getMessage().startsWith(json.toString()), e.getMessage());
    }
  }
}
