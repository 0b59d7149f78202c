package dev.optbench.harness.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.harness.runtime.docker.TlsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engines of a run, from {@code --engine NAME=URL[,tls=DIR][,cpus=LIST][,cadvisor=URL]} options
 * and an engines file; with neither, the local engine ({@code $DOCKER_HOST}). The file is JSON:
 *
 * <pre>
 * {"engines": [
 *   {"name": "a", "url": "tcp://10.0.0.2:2376",
 *    "tls": {"ca": "certs/ca.pem", "cert": "certs/cert.pem", "key": "certs/key.pem"},
 *    "labels": {"cpu": "xeon-e5", "cpus": "1", "cadvisor": "http://10.0.0.2:8080"}},
 *   {"name": "here", "url": "unix:///var/run/docker.sock"}]}
 * </pre>
 *
 * Relative TLS paths are resolved against the file's folder, so a file and its certificates move
 * together. Names are unique across options and file.
 */
public final class EngineSpecs {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private EngineSpecs() {}

  /** The file's shape; Jackson fills it, unknown keys are refused (a typo is not a default). */
  record FileForm(List<Entry> engines) {}

  record Entry(String name, String url, Tls tls, Map<String, String> labels) {}

  record Tls(String ca, String cert, String key) {}

  /**
   * @param options {@code NAME=URL}, {@code NAME=URL,tls=DIR} (DIR as DOCKER_CERT_PATH: ca.pem,
   *     cert.pem, key.pem), either with {@code ,cpus=LIST} (the engine's own cpuset) and {@code
   *     ,cadvisor=URL} (the cAdvisor on its host)
   * @param file an engines file, or null for none
   * @throws IllegalArgumentException with one sentence saying what is wrong and where
   */
  public static List<EngineSpec> of(List<String> options, Path file) {
    List<EngineSpec> all = new ArrayList<>();
    for (String option : options) {
      all.add(parseOption(option));
    }
    if (file != null) {
      all.addAll(read(file));
    }
    if (all.isEmpty()) {
      all.add(EngineSpec.local());
    }
    Map<String, EngineSpec> byName = new LinkedHashMap<>();
    for (EngineSpec e : all) {
      if (byName.putIfAbsent(e.name(), e) != null) {
        throw new IllegalArgumentException("engine name '" + e.name() + "' is given twice");
      }
    }
    return List.copyOf(byName.values());
  }

  static EngineSpec parseOption(String option) {
    int eq = option.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(
          "--engine '" + option + "' must read NAME=URL or NAME=URL,tls=DIR");
    }
    String name = option.substring(0, eq);
    // a CPU list has commas of its own ("cpus=0,2"): what follows cpus= up to the next key is it
    String[] parts = option.substring(eq + 1).split(",(?=[a-z]+=)|,(?=$)");
    TlsFiles tls = TlsFiles.NONE;
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].startsWith("tls=") && parts[i].length() > 4) {
        tls = TlsFiles.inFolder(Path.of(parts[i].substring(4)));
      } else if (parts[i].startsWith(EngineSpec.CPUS + "=")) {
        labels.put(EngineSpec.CPUS, parts[i].substring(EngineSpec.CPUS.length() + 1));
      } else if (parts[i].startsWith(EngineSpec.CADVISOR + "=")) {
        labels.put(EngineSpec.CADVISOR, parts[i].substring(EngineSpec.CADVISOR.length() + 1));
      } else {
        throw new IllegalArgumentException(
            "--engine '"
                + option
                + "': '"
                + parts[i]
                + "' is none of tls=DIR, cpus=LIST, cadvisor=URL");
      }
    }
    return new EngineSpec(name, parts[0], tls, labels);
  }

  static List<EngineSpec> read(Path file) {
    FileForm form;
    try {
      form = JSON.readValue(Files.readString(file), FileForm.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "engines file " + file + " is not valid: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("engines file " + file + " is not readable: " + e, e);
    }
    if (form.engines() == null || form.engines().isEmpty()) {
      throw new IllegalArgumentException("engines file " + file + " lists no engines");
    }
    Path base = file.toAbsolutePath().getParent();
    List<EngineSpec> specs = new ArrayList<>();
    for (Entry e : form.engines()) {
      if (e.name() == null || e.url() == null) {
        throw new IllegalArgumentException(
            "engines file " + file + ": every engine needs a name and a url");
      }
      specs.add(
          new EngineSpec(
              e.name(),
              e.url(),
              tls(e.name(), e.tls(), base, file),
              e.labels() == null ? Map.of() : e.labels()));
    }
    return specs;
  }

  private static TlsFiles tls(String name, Tls tls, Path base, Path file) {
    if (tls == null) {
      return TlsFiles.NONE;
    }
    if (tls.ca() == null || tls.cert() == null || tls.key() == null) {
      throw new IllegalArgumentException(
          "engines file " + file + ": engine " + name + " needs all of tls.ca, tls.cert, tls.key");
    }
    return new TlsFiles(base.resolve(tls.ca()), base.resolve(tls.cert()), base.resolve(tls.key()));
  }
}
