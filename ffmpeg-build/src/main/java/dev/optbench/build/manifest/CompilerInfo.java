package dev.optbench.build.manifest;

/**
 * What the compiler says it is. Part of every cache key: a compiler upgrade is a new build. Asked
 * by the compile package's CompilerProbe.
 *
 * @param command as given in the spec ({@code gcc})
 * @param version the first line of {@code --version}, e.g. "gcc (Debian 12.2.0-14) 12.2.0"
 * @param target {@code -dumpmachine}, e.g. "x86_64-linux-gnu"
 */
public record CompilerInfo(String command, String version, String target) {}
