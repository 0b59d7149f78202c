package dev.optbench.benchmarks.cli;

import dev.optbench.harness.engine.EngineSpec;
import dev.optbench.harness.engine.EngineSpecs;
import dev.optbench.harness.engine.Engines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --engine NAME=URL[,tls=DIR][,cpus=LIST][,cadvisor=URL]} (repeatable) and {@code
 * --engines-file FILE}.
 */
public final class EngineOptions {
  @Option(
      names = "--engine",
      paramLabel = "NAME=URL[,tls=DIR][,cpus=LIST][,cadvisor=URL]",
      description =
          "A Docker engine by name: unix:///path/docker.sock, tcp://HOST:PORT, or tcp://HOST:2376,tls=DIR"
              + " with DIR holding ca.pem, cert.pem and key.pem (as DOCKER_CERT_PATH); cpus=LIST"
              + " pins this engine's units to those CPUs instead of --cpuset (engines on one"
              + " machine run side by side: give each its own); cadvisor=URL reads this engine's"
              + " series from the cAdvisor on its host instead of its stats API. Repeatable."
              + " Default: $DOCKER_HOST as 'local'.")
  List<String> named = new ArrayList<>();

  @Option(
      names = "--engines-file",
      paramLabel = "FILE",
      description =
          "JSON file of engines: {\"engines\":[{\"name\":..,\"url\":..,\"tls\":{\"ca\":..,\"cert\":..,"
              + "\"key\":..},\"labels\":{..}}]}; relative paths are from the file's folder.")
  Path file;

  /**
   * The engines the user named, their TLS files read; none without {@code --engine} or {@code
   * --engines-file} (the main job then runs as it always has, on {@code $DOCKER_HOST} or another
   * runtime).
   */
  List<EngineSpec> given() {
    return named.isEmpty() && file == null ? List.of() : engines().specs();
  }

  /** The engines, their TLS files read; a mistake is one sentence (exit 2), nothing contacted. */
  Engines engines() {
    Engines engines = new Engines(EngineSpecs.of(named, file));
    engines.checkFiles();
    return engines;
  }
}
