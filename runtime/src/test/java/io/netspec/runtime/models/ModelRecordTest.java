package io.netspec.runtime.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code run.json} records of a network, and the network rebuilt from a run folder. */
class ModelRecordTest {

  private static final Path SPECS = Path.of(System.getProperty("netspec.specs", "../specs"));

  @Test
  void aGeneratedClassIsFoundAgainInTheCatalog(@TempDir Path run) throws Exception {
    ModelType type = ModelCatalog.generated().find("googlenet-fashion");
    JsonObject json = new JsonObject();
    ModelRecord.describe(type, json);
    assertEquals("googlenet-fashion", json.get("model").getAsString());
    assertEquals("generated class", json.get("model_source").getAsString());
    assertEquals(type.networkClass().getName(), json.get("class").getAsString());
    assertEquals("googlenet-fashion.yaml", json.get("spec_file").getAsString());
    assertEquals(type.specSha256(), json.get("spec_sha256").getAsString());
    assertFalse(json.has("spec_path"));
    assertSame(type.networkClass(), ModelRecord.rebuild(run, json).networkClass());
    json.remove("model_source"); // a run folder from before spec files could be trained
    assertSame(type.networkClass(), ModelRecord.rebuild(run, json).networkClass());
  }

  @Test
  void aSpecFileIsRebuiltFromTheRunFoldersCopyWhenTheOriginalIsGone(@TempDir Path folder) throws Exception {
    Path original = copySpecs(folder.resolve("mine"));
    ModelType type = ModelType.ofSpecFile(original);
    JsonObject json = new JsonObject();
    ModelRecord.describe(type, json);
    assertEquals("spec file", json.get("model_source").getAsString());
    assertEquals(original.toAbsolutePath().toString(), json.get("spec_path").getAsString());
    assertEquals("io.netspec.interpreter.InterpretedNetwork", json.get("class").getAsString());
    Path run = writeCopies(type, folder.resolve("run"));
    Files.delete(original);

    ModelType rebuilt = ModelRecord.rebuild(run, json);
    assertEquals(type.specSha256(), rebuilt.specSha256());
    assertEquals(type.specSources(), rebuilt.specSources());
    JsonObject again = new JsonObject();
    ModelRecord.describe(rebuilt, again);
    assertEquals(json, again, "a resumed run records the spec file it was started with");
  }

  @Test
  void anEditedCopyIsRefused(@TempDir Path folder) throws Exception {
    ModelType type = ModelType.ofSpecFile(copySpecs(folder.resolve("mine")));
    JsonObject json = new JsonObject();
    ModelRecord.describe(type, json);
    Path run = writeCopies(type, folder.resolve("run"));
    Path copy = run.resolve("spec/googlenet-fashion.yaml");
    Files.writeString(copy, Files.readString(copy).replace("classes: 10", "classes: 11"));
    ModelException e = assertThrows(ModelException.class, () -> ModelRecord.rebuild(run, json));
    assertTrue(e.getMessage().startsWith(copy + " is not the spec the run trained"), e.getMessage());
  }

  @Test
  void anUnknownSourceIsRefused(@TempDir Path run) {
    JsonObject json = new JsonObject();
    json.addProperty("model_source", "onnx file");
    ModelException e = assertThrows(ModelException.class, () -> ModelRecord.rebuild(run, json));
    assertTrue(e.getMessage().endsWith("unknown model_source 'onnx file'"), e.getMessage());
  }

  /** googlenet-fashion.yaml and its parent in {@code folder}; returns the former. */
  private static Path copySpecs(Path folder) throws Exception {
    Files.createDirectories(folder);
    Files.copy(SPECS.resolve("googlenet.yaml"), folder.resolve("googlenet.yaml"));
    return Files.copy(SPECS.resolve("googlenet-fashion.yaml"), folder.resolve("googlenet-fashion.yaml"));
  }

  /** The spec copies as training writes them into a run folder; returns the folder. */
  private static Path writeCopies(ModelType type, Path run) throws Exception {
    for (Map.Entry<String, String> source : type.specSources().entrySet()) {
      Path file = run.resolve(ModelRecord.SPEC_FOLDER).resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
    }
    return run;
  }
}
