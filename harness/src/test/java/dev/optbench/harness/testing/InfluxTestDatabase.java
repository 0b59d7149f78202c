package dev.optbench.harness.testing;

import java.util.List;
import java.util.UUID;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/** A throw-away database on the test InfluxDB, queried with InfluxQL through influxdb-java. */
public final class InfluxTestDatabase implements AutoCloseable {
  private final InfluxDB influx;
  private final String name;

  public InfluxTestDatabase(String url) {
    this.influx = InfluxDBFactory.connect(url);
    this.name = "optbench_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    // Exists from the start, so counting an empty one answers 0 rather than an error.
    influx.query(new Query("CREATE DATABASE \"" + name + "\""));
  }

  public String name() {
    return name;
  }

  public QueryResult query(String influxQl) {
    QueryResult result = influx.query(new Query(influxQl, name));
    if (result.hasError()) {
      throw new IllegalStateException(influxQl + ": " + result.getError());
    }
    for (QueryResult.Result r : result.getResults()) {
      if (r.hasError()) {
        throw new IllegalStateException(influxQl + ": " + r.getError());
      }
    }
    return result;
  }

  /** Writes raw line protocol (nanosecond timestamps), bypassing optbench's sinks. */
  public void write(String lines) {
    influx.write(
        name, "", InfluxDB.ConsistencyLevel.ONE, java.util.concurrent.TimeUnit.NANOSECONDS, lines);
  }

  /** Rows of the first series of the first statement; empty when there is none. */
  public List<List<Object>> rows(String influxQl) {
    List<QueryResult.Series> series = query(influxQl).getResults().get(0).getSeries();
    return series == null || series.isEmpty() ? List.of() : series.get(0).getValues();
  }

  /** {@code SELECT count("value") FROM measurement [WHERE ...]}; 0 when nothing matches. */
  public long count(String measurement, String where) {
    List<List<Object>> rows =
        rows(
            "SELECT count(\"value\") FROM \""
                + measurement
                + "\""
                + (where.isEmpty() ? "" : " WHERE " + where));
    return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(1)).longValue();
  }

  @Override
  public void close() {
    influx.query(new Query("DROP DATABASE \"" + name + "\""));
    influx.close();
  }
}
