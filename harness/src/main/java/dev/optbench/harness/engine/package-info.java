/**
 * Several Docker engines by name (issue 16): the model ({@link
 * dev.optbench.harness.engine.EngineSpec}, read from {@code --engine} and an engines file by {@link
 * dev.optbench.harness.engine.EngineSpecs}), the up-front checks, the health listing and the
 * cleanup across engines. How one engine is reached (socket, TCP, TLS) stays with its one owner,
 * {@link dev.optbench.harness.runtime.docker.DockerEngine}.
 */
package dev.optbench.harness.engine;
