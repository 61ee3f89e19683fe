package io.leadproof.e2e;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fetches real access tokens from the local Keycloak (realm {@code leadproof}, public client
 * {@code leadproof-cli} unless another client is named, password grant) for end-to-end tests, and builds
 * deliberately broken tokens.
 *
 * <p>Keycloak is started with {@code make keycloak} ({@code src/ops/keycloak.sh start}). All demo users
 * have the password {@value #PASSWORD}. The Keycloak base URL can be overridden with the system property
 * {@code leadproof.keycloak.url} or the environment variable {@code LEADPROOF_KEYCLOAK_URL}
 * (default {@value #DEFAULT_BASE_URL}).
 *
 * <p>Token shape (Keycloak 26.7.3, see src/main/keycloak/leadproof-realm.json):
 * {@code aud} is a list containing {@code leadproof-api}; {@code organization} is a list of organization
 * aliases, e.g. {@code ["acme"]} (absent for users without an organization, and absent for users in several
 * organizations unless a workspace is requested); {@code realm_access.roles}; {@code groups} (simple names,
 * absent when the user is in no group); {@code preferred_username}.
 */
public final class RealTokenClient {

    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:8180";
    public static final String REALM = "leadproof";
    public static final String CLIENT_ID = "leadproof-cli";
    /** Test-only public client without the audience mapper: its tokens lack {@code leadproof-api} in {@code aud}. */
    public static final String NO_AUDIENCE_CLIENT_ID = "leadproof-no-audience";
    /** Test-only public client (with the audience mapper) whose access tokens live 5 seconds. */
    public static final String SHORT_LIVED_CLIENT_ID = "leadproof-short-lived";
    public static final String PASSWORD = "leadproof";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** A cached token is reused only while it stays valid for at least this long. */
    private static final Duration MIN_REMAINING_VALIDITY = Duration.ofSeconds(60);

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");
    private static final Pattern PREFERRED_USERNAME_VALUE =
            Pattern.compile("(\"preferred_username\"\\s*:\\s*\")([^\"])");

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private RealTokenClient() {
    }

    // ------------------------------------------------------------------ endpoints

    public static String baseUrl() {
        String url = System.getProperty("leadproof.keycloak.url");
        if (url == null || url.isBlank()) {
            url = System.getenv("LEADPROOF_KEYCLOAK_URL");
        }
        if (url == null || url.isBlank()) {
            url = DEFAULT_BASE_URL;
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The issuer the tokens carry, e.g. {@code http://127.0.0.1:8180/realms/leadproof}. */
    public static String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public static String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** True when the leadproof realm answers; use it for JUnit assumptions if a test may run without Keycloak. */
    public static boolean isAvailable() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ------------------------------------------------------------------ real tokens

    /** An access token for {@code username} with the client's default scopes (includes {@code organization}). */
    public static String token(String username) {
        return token(username, null);
    }

    /**
     * An access token for {@code username}. With a non-null {@code workspace} (an organization alias such as
     * {@code acme}) the scope {@code organization:<workspace>} is requested, so the {@code organization} claim
     * names exactly that organization — if the user is a member; otherwise Keycloak issues the token without the
     * claim. Tokens are cached and reused while valid for at least another minute.
     */
    public static String token(String username, String workspace) {
        return token(CLIENT_ID, username, workspace);
    }

    /** Like {@link #token(String, String)}, from the public client {@code clientId} of the realm. */
    public static String token(String clientId, String username, String workspace) {
        Objects.requireNonNull(username, "username");
        String key = clientId + "|" + username + "|" + (workspace == null ? "" : workspace);
        String cached = CACHE.get(key);
        if (cached != null && remainingValidity(cached).compareTo(MIN_REMAINING_VALIDITY) > 0) {
            return cached;
        }
        String fresh = fetchToken(clientId, username, workspace);
        CACHE.put(key, fresh);
        return fresh;
    }

    /** Always asks Keycloak (no cache). */
    public static String fetchToken(String username, String workspace) {
        return fetchToken(CLIENT_ID, username, workspace);
    }

    /** Always asks Keycloak (no cache), as the public client {@code clientId} (password grant). */
    public static String fetchToken(String clientId, String username, String workspace) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", Objects.requireNonNull(clientId, "clientId"));
        form.put("username", username);
        form.put("password", PASSWORD);
        if (workspace != null && !workspace.isBlank()) {
            form.put("scope", "openid organization:" + workspace);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl()))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw notReachable(e);
        } catch (HttpTimeoutException e) {
            throw new AssertionError("Keycloak at " + baseUrl() + " did not answer within " + REQUEST_TIMEOUT.toSeconds()
                    + " s (still starting? check .cache/keycloak.log; start it with `make keycloak`)", e);
        } catch (IOException e) {
            throw notReachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while fetching a token for " + username, e);
        }
        if (response.statusCode() == 404) {
            throw new AssertionError("Keycloak at " + baseUrl() + " has no realm '" + REALM + "' (HTTP 404). "
                    + "Restart it with `make keycloak` so src/main/keycloak/leadproof-realm.json is imported.");
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("Keycloak refused a token for user '" + username + "' from client '" + clientId + "'"
                    + (workspace == null ? "" : " in workspace '" + workspace + "'")
                    + ": HTTP " + response.statusCode() + " " + response.body());
        }
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (!m.find()) {
            throw new AssertionError("no access_token in Keycloak's answer: " + response.body());
        }
        return m.group(1);
    }

    private static AssertionError notReachable(Exception cause) {
        return new AssertionError("Keycloak is not reachable at " + baseUrl()
                + " (" + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                + "). Start it with `make keycloak` (or src/ops/keycloak.sh start).", cause);
    }

    // ------------------------------------------------------------------ inspection

    /** The decoded payload (claims) of a JWT as a JSON string. */
    public static String payloadJson(String jwt) {
        return new String(B64URL_DECODER.decode(part(jwt, 1)), StandardCharsets.UTF_8);
    }

    /** The decoded header of a JWT as a JSON string. */
    public static String headerJson(String jwt) {
        return new String(B64URL_DECODER.decode(part(jwt, 0)), StandardCharsets.UTF_8);
    }

    /** Time until the token's {@code exp}; negative when already expired. */
    public static Duration remainingValidity(String jwt) {
        Matcher m = EXP.matcher(payloadJson(jwt));
        if (!m.find()) {
            return Duration.ZERO;
        }
        return Duration.between(Instant.now(), Instant.ofEpochSecond(Long.parseLong(m.group(1))));
    }

    // ------------------------------------------------------------------ bad tokens

    /**
     * The same token with one payload character changed and the original signature kept: the claims are still
     * valid JSON (the first letter of {@code preferred_username} switches case, or — failing that — one base64url
     * character in the middle of the payload is replaced), so only the signature check can reject it.
     */
    public static String tamper(String jwt) {
        String json = payloadJson(jwt);
        Matcher m = PREFERRED_USERNAME_VALUE.matcher(json);
        if (m.find()) {
            char c = m.group(2).charAt(0);
            char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c)
                    : Character.isLowerCase(c) ? Character.toUpperCase(c)
                    : (c == 'x' ? 'y' : 'x');
            String changed = json.substring(0, m.start(2)) + flipped + json.substring(m.end(2));
            return withPayload(jwt, changed);
        }
        String[] parts = jwt.split("\\.", -1);
        char[] payload = parts[1].toCharArray();
        int i = payload.length / 2;
        payload[i] = payload[i] == 'A' ? 'B' : 'A';
        return parts[0] + "." + new String(payload) + "." + parts[2];
    }

    /**
     * The same token with its claims rewritten by {@code edit} (e.g. to add a role or swap the organization) and
     * the original signature kept.
     */
    public static String tamperPayload(String jwt, UnaryOperator<String> edit) {
        return withPayload(jwt, edit.apply(payloadJson(jwt)));
    }

    /** Header {@code {"alg":"none","typ":"JWT"}}, the same payload, and an empty signature ({@code h.p.}). */
    public static String algNone(String jwt) {
        String header = B64URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + part(jwt, 1) + ".";
    }

    private static String withPayload(String jwt, String payloadJson) {
        String[] parts = jwt.split("\\.", -1);
        requireJws(parts, jwt);
        return parts[0] + "." + B64URL.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String part(String jwt, int index) {
        String[] parts = Objects.requireNonNull(jwt, "jwt").split("\\.", -1);
        requireJws(parts, jwt);
        return parts[index];
    }

    private static void requireJws(String[] parts, String jwt) {
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS (expected 3 dot-separated parts): "
                    + (jwt.length() > 40 ? jwt.substring(0, 40) + "..." : jwt));
        }
    }
}
