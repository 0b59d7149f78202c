package dev.optbench.harness.metrics.sink;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Where and as whom to write to InfluxDB 1.x. Credentials come from {@code OPTBENCH_INFLUX_USER} /
 * {@code OPTBENCH_INFLUX_PASSWORD} or the URL's userinfo; {@link #url()} never carries them, and
 * {@link #toString()} never shows the password, so neither can leak into logs or exceptions.
 */
public final class InfluxSettings {
  public static final String ENV_USER = "OPTBENCH_INFLUX_USER";
  public static final String ENV_PASSWORD = "OPTBENCH_INFLUX_PASSWORD";
  public static final String DEFAULT_DATABASE = "optbench";

  private final String url;
  private final String user;
  private final String password;
  private final String database;

  private InfluxSettings(String url, String user, String password, String database) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.database = database;
  }

  /** From a URL (userinfo allowed) and the environment; environment credentials win. */
  public static InfluxSettings of(String url, String database, Map<String, String> env) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      // Not e.getMessage(): it repeats the input, which may hold a password.
      throw new IllegalArgumentException(
          "InfluxDB URL is not a valid URL; expected e.g. http://127.0.0.1:8086");
    }
    if (uri.getHost() == null
        || !"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "InfluxDB URL must be http(s)://host:port, e.g. http://127.0.0.1:8086");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    user = Optional.ofNullable(env.get(ENV_USER)).filter(v -> !v.isBlank()).orElse(user);
    password = Optional.ofNullable(env.get(ENV_PASSWORD)).orElse(password);
    // Keeps a path prefix (InfluxDB behind a reverse proxy), drops userinfo, query and fragment.
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    String bare =
        uri.getScheme()
            + "://"
            + uri.getHost()
            + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
            + path;
    return new InfluxSettings(bare, user, password, database);
  }

  public static InfluxSettings of(String url, String database) {
    return of(url, database, System.getenv());
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  /** scheme://host:port[/prefix], without credentials: safe to print. */
  public String url() {
    return url;
  }

  public String database() {
    return database;
  }

  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** Removes the password from text produced by libraries (exception messages, etc.). */
  String redact(String text) {
    if (text == null || password == null || password.isEmpty()) {
      return text;
    }
    return text.replace(password, "****");
  }

  @Override
  public String toString() {
    return "InfluxDB "
        + url
        + " database "
        + database
        + (user == null ? "" : " user " + user + (password == null ? "" : " password ****"));
  }
}
