/**
 * The monitoring stack of {@code optbench stack up|down|status} (issue 16, deliverable 5):
 * InfluxDB, Grafana with optbench's dashboards and cAdvisor, as containers on the local Docker
 * engine where their images are present, or InfluxDB as a local {@code influxd} where they are not.
 * What runs is found again by container label and by the local influxd's pid file, never by a
 * record that could go stale.
 */
package dev.optbench.benchmarks.stack;
