package dev.optbench.benchmarks.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A Docker engine that is stuck the way a real one gets stuck (a daemon waiting on a lock,
 * containerd gone): it answers {@code /_ping} and {@code /version}, so a client connects, and
 * {@code GET /containers/json} with an empty list and image lookups with 404, unless the request
 * matches {@code hangs}: then it reads and never answers. A real dockerd cannot be made to hang on
 * one call without stopping it for every other test on the machine.
 */
final class HangingEngine implements AutoCloseable {
  private final ServerSocketChannel server;
  private final Predicate<String> hangs;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<SocketChannel> open = new CopyOnWriteArrayList<>();

  HangingEngine(Path socket, Predicate<String> hangs) throws IOException {
    this.hangs = hangs;
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Thread accept = new Thread(this::accept, "hanging-engine");
    accept.setDaemon(true);
    accept.start();
  }

  /** Request lines seen, e.g. "GET /v1.41/containers/json?all=true... HTTP/1.1". */
  List<String> requests() {
    return requests;
  }

  private void accept() {
    while (server.isOpen()) {
      try {
        SocketChannel c = server.accept();
        open.add(c);
        Thread t = new Thread(() -> serve(c), "hanging-engine-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(SocketChannel c) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(Channels.newInputStream(c), StandardCharsets.ISO_8859_1));
        OutputStream out = Channels.newOutputStream(c)) {
      String line;
      while ((line = in.readLine()) != null) {
        String request = line;
        int length = 0;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          }
        }
        in.skip(length);
        requests.add(request);
        if (hangs.test(request)) {
          Thread.sleep(Long.MAX_VALUE); // stuck: read, never answered
        }
        respond(out, request);
      }
    } catch (IOException | InterruptedException e) {
      // the client gave up or the test closed the engine
    }
  }

  private static void respond(OutputStream out, String request) throws IOException {
    String path = request.split(" ")[1];
    int code = 200;
    String body;
    if (path.contains("/_ping")) {
      body = "OK";
    } else if (path.contains("/version")) {
      body = "{\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\"}";
    } else if (path.contains("/containers/json")) {
      body = "[]";
    } else {
      code = 404;
      body = "{\"message\":\"No such image\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    out.write(
        ("HTTP/1.1 "
                + code
                + (code == 200 ? " OK" : " Not Found")
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + bytes.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (SocketChannel c : open) {
      c.close();
    }
  }
}
