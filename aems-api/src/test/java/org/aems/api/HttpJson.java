package org.aems.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the tests: they call the API the way a billing system would, with an API key. By
 * default it acts as "tester", a client holding every role; {@link #as} acts as another named client (for
 * four-eyes rules), {@link #anonymous} as nobody.
 */
final class HttpJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;
    private final TestKeys keys;
    private final String identity;

    private HttpJson(String base, TestKeys keys, String identity) {
        this.base = base;
        this.keys = keys;
        this.identity = identity;
    }

    /** Signed in as "tester" (every role) on the app of this context. */
    static HttpJson signedIn(String base, org.springframework.context.ApplicationContext context) {
        return new HttpJson(base, TestKeys.of(context), "tester");
    }

    /** Signed in as "tester" (every role) on an app in another process that uses this database. */
    static HttpJson signedIn(String base, String jdbcUrl) {
        return new HttpJson(base, TestKeys.ofDatabase(jdbcUrl), "tester");
    }

    static HttpJson signedIn(int port, org.springframework.context.ApplicationContext context) {
        return signedIn("http://localhost:" + port, context);
    }

    /** The same app, acting as the client {@code name} (every role; created on first use). */
    HttpJson as(String name) {
        return new HttpJson(base, keys, name);
    }

    /** The same app, with a key holding exactly these roles, named after them. */
    HttpJson withRoles(org.aems.api.security.Role... roles) {
        return new HttpJson(base, keys, TestKeys.nameFor(roles));
    }

    /** The same app without credentials. */
    HttpJson anonymous() {
        return new HttpJson(base, keys, null);
    }

    /** The API key this client sends, or null. */
    String apiKey() {
        return identity == null ? null : keys.keyFor(identity);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (identity != null) {
            b.header("Authorization", "Bearer " + keys.keyFor(identity));
        }
        return b;
    }

    record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Response get(String pathOrUrl) {
        return send(request(uri(pathOrUrl)).GET().build());
    }

    Response post(String path, String contentType, String body) {
        return withBody("POST", path, contentType, body);
    }

    Response put(String path, String contentType, String body) {
        return withBody("PUT", path, contentType, body);
    }

    Response delete(String path, String contentType, String body) {
        return withBody("DELETE", path, contentType, body);
    }

    /** A POST with extra headers given as name, value, name, value ... */
    Response post(String path, String contentType, String body, String... headers) {
        return withBody("POST", path, contentType, body, headers);
    }

    /** Any method with a body and extra headers given as name, value, name, value ... */
    Response send(String method, String path, String contentType, String body, String... headers) {
        return withBody(method, path, contentType, body, headers);
    }

    private Response withBody(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = request(uri(path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    /** A POST of JSON with extra headers given as name, value, name, value ... */
    Response postJson(String path, String json, String... headers) {
        HttpRequest.Builder b = request(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    /** Opens a GET that does not end (a server-sent event stream, as a dashboard does); returns once its headers came. */
    HttpResponse<java.io.InputStream> openStream(String path) {
        try {
            return client.send(request(uri(path)).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The raw bytes of a GET (for exports in other charsets), with extra headers as name, value, ... */
    Bytes getBytes(String path, String... headers) {
        HttpRequest.Builder b = request(uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Content-Disposition").orElse(""), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Bytes(int status, String contentType, String contentDisposition, byte[] body) {
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    /**
     * A GET of a server-sent event stream: its status and first event (or the refusal's body), then the stream is closed,
     * which a plain {@link #get} would wait for forever.
     */
    Response firstEvent(String path) {
        try {
            HttpResponse<java.util.stream.Stream<String>> r = client.send(request(uri(path)).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            StringBuilder body = new StringBuilder();
            try (java.util.stream.Stream<String> lines = r.body()) {
                java.util.Iterator<String> it = lines.iterator();
                while (it.hasNext()) {
                    String line = it.next();
                    if (line.isEmpty() && body.indexOf("data:") >= 0) {
                        break;
                    }
                    body.append(line).append('\n');
                }
            }
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), body.toString(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
