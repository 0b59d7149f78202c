package dev.optbench.harness.metrics.sink;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * Synchronous line-protocol writes through influxdb-java. Its own batching is never enabled: it
 * drops points when a write fails, and we keep them (see {@link Spool}). Creates the database on
 * first use and again if InfluxDB lost it, since {@code CREATE DATABASE} is idempotent.
 */
final class InfluxLineWriter implements LineWriter, AutoCloseable {
  private final InfluxSettings settings;
  private final InfluxDB influx;
  private volatile boolean databaseReady;

  InfluxLineWriter(InfluxSettings settings, long timeoutMillis) {
    this.settings = settings;
    OkHttpClient.Builder http =
        new OkHttpClient.Builder()
            .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .writeTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .retryOnConnectionFailure(false); // retries are ours, via the spool
    this.influx =
        settings.user().isPresent()
            ? InfluxDBFactory.connect(
                settings.url(), settings.user().get(), settings.password().orElse(""), http)
            : InfluxDBFactory.connect(settings.url(), http);
  }

  @Override
  public void write(List<String> lines) throws IOException {
    try {
      ensureDatabase();
      influx.write(
          settings.database(), "", InfluxDB.ConsistencyLevel.ONE, TimeUnit.NANOSECONDS, lines);
    } catch (InfluxDBException.DatabaseNotFoundException e) {
      databaseReady = false; // dropped behind our back, or InfluxDB started from empty dirs
      throw new IOException("database " + settings.database() + " not found; will create it");
    } catch (InfluxDBException e) {
      String why = settings.redact(String.valueOf(e.getMessage()));
      if (e.isRetryWorth()) {
        throw new IOException(why);
      }
      throw new RejectedLinesException("InfluxDB at " + settings.url() + " refused points: " + why);
    } catch (RuntimeException e) {
      // Connection refused, timeouts and the like arrive wrapped in runtime exceptions.
      throw new IOException(settings.redact(describe(e)));
    }
  }

  private void ensureDatabase() {
    if (!databaseReady) {
      // Identifier quoting per InfluxQL: double quotes, with embedded ones escaped.
      String name = settings.database().replace("\\", "\\\\").replace("\"", "\\\"");
      QueryResult result = influx.query(new Query("CREATE DATABASE \"" + name + "\""));
      if (result.hasError()) {
        throw new InfluxDBException(result.getError());
      }
      databaseReady = true;
    }
  }

  /**
   * A one-line cause for messages: the first exception in the chain that has a message (libraries
   * wrap "Connection refused" in layers), or "connection refused" when the JDK gives none.
   */
  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.ConnectException && t.getMessage() == null) {
        return "connection refused (nothing listens there)";
      }
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    return e.getClass().getSimpleName();
  }

  InfluxDB client() {
    return influx;
  }

  @Override
  public void close() {
    influx.close();
  }
}
