package io.caspian.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small client for the console's API in tests. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final String base;

    Http(int port) {
        this("http://127.0.0.1:" + port, HttpClient.newBuilder());
    }

    /** A client for {@code base}, e.g. an HTTPS one with its own trust. */
    Http(String base, HttpClient.Builder client) {
        this.base = base;
        this.client = client.followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String path, String token) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> basic(String path, String user, String password) throws IOException,
            InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + credentials).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String json) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/login", null, "{\"user\":\"" + user
                + "\",\"password\":\"" + password + "\"}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login " + user + ": " + r.statusCode());
        }
        return json(r).get("token").asText();
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }
}
