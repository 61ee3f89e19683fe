import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Other users' latency under a heavy neighbour (bench/neighbour/run.sh). Light users each send a small leads query in a
 * loop (6 points every ~150 ms: within the budget's restore rate); in the heavy phase one user also runs HEAVY concurrent ten-year metrics breakdowns and ANONYMOUS senders post
 * 1.9 MB documents that do not parse. Prints the light users' p50/p90/p99 per phase, and what the heavy ones got.
 *
 *   java Neighbour.java <api url> <keycloak token url> <phase: quiet|heavy> <seconds>
 *
 * Environment: LIGHT_USERS (ada.admin,mia.marketing,sam.sales,sue.sales), HEAVY_USER (leo.leader), HEAVY (16),
 * ANONYMOUS (6), THINK_MS (150), PASSWORD (leadproof).
 */
public class Neighbour {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    static final Map<String, Long> FETCHED = new ConcurrentHashMap<>();
    static String tokenUrl;

    public static void main(String[] args) throws Exception {
        URI api = URI.create(args[0]);
        tokenUrl = args[1];
        String phase = args[2];
        long seconds = Long.parseLong(args[3]);
        List<String> light = List.of(env("LIGHT_USERS", "ada.admin,mia.marketing,sam.sales,sue.sales").split(","));
        String heavyUser = env("HEAVY_USER", "leo.leader");
        int heavy = Integer.parseInt(env("HEAVY", "16"));
        int anonymous = Integer.parseInt(env("ANONYMOUS", "6"));
        long think = Long.parseLong(env("THINK_MS", "150"));
        long end = System.nanoTime() + seconds * 1_000_000_000L;

        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var outcomes = new ConcurrentHashMap<String, AtomicLong>();
        var threads = new ArrayList<Thread>();
        // 6 points every ~150 ms: under the 50 points/s a user's bucket restores, so light users are never throttled
        String lightQuery = json("{ leads(first: 5) { edges { node { id email lifecycleStage } } } }");
        for (String user : light) {
            threads.add(Thread.ofPlatform().start(() -> loop(end, () -> {
                long started = System.nanoTime();
                int status = post(api, user, lightQuery, outcomes, "light");
                if (status == 200) {
                    latencies.add(System.nanoTime() - started);
                }
                sleep(think);
            })));
        }
        if (phase.equals("heavy")) {
            String to = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
            String from = LocalDate.now(ZoneOffset.UTC).minusYears(10).plusDays(2).toString();
            String metrics = json("{ metricsBreakdown(window: {from: \\\"" + from + "\\\", to: \\\"" + to + "\\\"}, by: MONTH, first: 100) {"
                    + " edges { node { metrics { leads mqls handoffs accepted rejected won } } } } }");
            for (int i = 0; i < heavy; i++) {
                threads.add(Thread.ofPlatform().start(() -> loop(end, () -> post(api, heavyUser, metrics, outcomes, "heavy"))));
            }
            String garbage = "{\"query\": \"{ leads(filter: {search: \\\"" + "x".repeat(1_900_000) + "\\\"} \"}";
            for (int i = 0; i < anonymous; i++) {
                threads.add(Thread.ofPlatform().start(() -> loop(end, () -> post(api, null, garbage, outcomes, "anonymous"))));
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        var sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("phase=%s seconds=%d light_requests=%d p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms outcomes=%s%n", phase, seconds,
                sorted.size(), pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 100), new TreeMap<>(outcomes));
    }

    interface Step {
        void run() throws Exception;
    }

    static void loop(long end, Step step) {
        while (System.nanoTime() < end) {
            try {
                step.run();
            } catch (Exception e) {
                sleep(100);
            }
        }
    }

    static int post(URI api, String user, String body, Map<String, AtomicLong> outcomes, String who) throws Exception {
        var request = HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String outcome = response.statusCode() + (response.body().contains("\"THROTTLED\"") ? " THROTTLED"
                : response.body().contains("\"errors\"") ? " errors" : "");
        outcomes.computeIfAbsent(who + " " + outcome, k -> new AtomicLong()).incrementAndGet();
        return response.body().contains("\"errors\"") ? -response.statusCode() : response.statusCode();
    }

    /** A password-grant token of the demo realm, refreshed every 4 minutes (they live 5). */
    static String token(String user) throws Exception {
        Long at = FETCHED.get(user);
        if (at == null || System.nanoTime() - at > 240_000_000_000L) {
            String form = "client_id=leadproof-cli&grant_type=password&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(env("PASSWORD", "leadproof"), StandardCharsets.UTF_8);
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(tokenUrl)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (!m.find()) {
                throw new IllegalStateException("no token for " + user + ": " + response.body());
            }
            TOKENS.put(user, m.group(1));
            FETCHED.put(user, System.nanoTime());
        }
        return TOKENS.get(user);
    }

    static String json(String query) {
        return "{\"query\": \"" + query + "\"}";
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
