package dev.optbench.build.provenance;

/** Sizes in bytes of a binary's code+constants, initialised data and zeroed data. */
public record SectionSizes(long text, long data, long bss) {}
