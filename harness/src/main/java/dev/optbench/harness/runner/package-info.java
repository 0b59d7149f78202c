/**
 * The one run assembly: a variant's sandbox, the collector sampling it, the sinks its samples go
 * to, and the execution of units in it. Every way of running units goes through it — {@code
 * optbench run}, the JMH trials of the main job, and the interleaved-rounds scheduler — so they
 * agree on tags, sink file names, sink policy and what a unit's totals are.
 *
 * <p>Entry points: {@link dev.optbench.harness.runner.RunAssembly#open} opens one variant's {@link
 * dev.optbench.harness.runner.VariantSession} (sandbox + sink + collector, opened once and kept for
 * as many units as the caller likes: a trial's invocations, or every (unit, invocation) pair of a
 * whole interleaved run); {@link dev.optbench.harness.runner.VariantSession#run} runs one unit (all
 * its steps) and returns its {@link dev.optbench.harness.runner.UnitResult}; closing the session
 * stops sampling (last sample flushed), removes the sandbox and closes the sink.
 */
package dev.optbench.harness.runner;
