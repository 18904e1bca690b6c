package io.caspian.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caspian.console.PasswordHashes;
import io.caspian.link.LinkRuntime;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caspian run} from the packaged jar with an {@code http:} and {@code users:}
 * section: the console answers on the configured port, shows the traffic and its traces,
 * reloads the file for an operator and audits it.
 */
class RunConsoleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "olga's long password";

    @TempDir
    Path dir;

    @Test
    void theConsoleOfARunningSwitchShowsItsTrafficAndReloadsForAnOperator() throws Exception {
        Path jar = Path.of("target", "caspian.jar");
        assertThat(jar).as("the shaded jar, built in the package phase").exists();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        try (LinkRuntime runtime = LinkRuntime.create(1);
                Simulation world = Simulation.start(dir.resolve("world"), runtime, 20, 5)) {
            Path config = dir.resolve("caspian.yaml");
            Files.writeString(config, world.configYaml() + "\nhttp: {port: " + port + "}\n"
                    + "users:\n  - {name: olga, role: admin, passwordHash: \""
                    + PasswordHashes.hash(PASSWORD.toCharArray()) + "\"}\n");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process sw = new ProcessBuilder(List.of(java, "-Xmx384m", "-cp", jar.toString(),
                    "io.caspian.app.Main", "run", "--config", config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("switch.log").toFile()).start();
            try {
                awaitReady(base, sw);
                Traffic traffic = new Traffic(world.mir, world.shetab, 20, 5);
                traffic.start();
                Thread.sleep(4_000);
                traffic.stop();
                checkConsole(base);
            } finally {
                sw.destroy();
                sw.waitFor();
            }
        }
    }

    private void awaitReady(String base, Process sw) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(sw.isAlive()).as(log()).isTrue();
            try {
                JsonNode health = JSON.readTree(get(base + "/health", null).body());
                if (health.path("links").path("mir").asText().equals("SIGNED_ON")
                        && health.path("links").path("shetab").asText().equals("SIGNED_ON")) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // The console is not listening yet.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the switch's console did not come up:\n" + log());
    }

    private void checkConsole(String base) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("olga:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(get(base + "/api/transactions", null).statusCode()).isEqualTo(401);
        JsonNode found = JSON.readTree(get(base + "/api/transactions?state=APPROVED&limit=5",
                basic).body());
        assertThat(found.get("count").asInt()).as(log()).isPositive();
        String id = found.get("transactions").get(0).get("id").asText();
        JsonNode trace = JSON.readTree(get(base + "/api/transactions/" + id + "/trace", basic)
                .body());
        // Request and answer on both links; an approval may also have been completed by an
        // advice since, whose messages on the issuer's link share its reference.
        java.util.List<String> hops = trace.get("messages").findValuesAsText("hop");
        assertThat(hops).hasSizeGreaterThanOrEqualTo(4);
        assertThat(hops.get(0)).endsWith("-> switch");
        assertThat(hops.subList(0, 4)).filteredOn(h -> h.startsWith("switch ->")).hasSize(2);
        HttpResponse<String> reload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/api/reload")).header("Authorization", basic)
                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        assertThat(JSON.readTree(get(base + "/api/audit", basic).body())
                .findValuesAsText("action")).contains("RELOAD");
        assertThat(get(base + "/metrics", basic).body()).contains("caspian_requests_total{");
    }

    private static HttpResponse<String> get(String url, String authorization)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("switch.log"));
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
