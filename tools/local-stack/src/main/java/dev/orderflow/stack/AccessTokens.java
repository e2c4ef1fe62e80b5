package dev.orderflow.stack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens from the stack's Keycloak, got the way the realm allows ({@code platform/identity/orderflow-realm.json};
 * it has no password grant): for a machine, the client-credentials grant of {@code orderflow-automation}; for a demo
 * user, the authorization-code flow with PKCE of {@code orderflow-web}, logging in through Keycloak's login form as a
 * person in a browser would.
 */
public final class AccessTokens {

    public static final String AUTOMATION_CLIENT = "orderflow-automation";
    /**
     * The realm file's default secret of the automation client, for development only, like the demo users' default
     * passwords. Keycloak takes another one from the variable {@value #AUTOMATION_SECRET_VARIABLE}, and so does this
     * class: the stack's Keycloak inherits the launcher's environment.
     */
    public static final String AUTOMATION_SECRET = "automation-dev-only-secret";
    static final String AUTOMATION_SECRET_VARIABLE = "ORDERFLOW_CLIENT_SECRET";
    public static final String WEB_CLIENT = "orderflow-web";
    /** A loopback redirect the web client accepts on any port (RFC 8252); nothing needs to listen there. */
    private static final String REDIRECT_URI = "http://127.0.0.1/callback";
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String issuer;
    /** Redirects are not followed: the login's answer is a redirect whose Location carries the code. */
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();
    /** Tokens got so far, by who they are for, renewed shortly before they expire. */
    private final Map<String, Token> tokens = new HashMap<>();

    public AccessTokens(String issuer) {
        this.issuer = issuer;
    }

    /** A token and when it expires. */
    private record Token(String value, Instant expires) {

        static Token of(JsonNode answer) {
            return new Token(answer.path("access_token").asString(),
                    Instant.now().plusSeconds(answer.path("expires_in").asLong(60)));
        }

        boolean isFresh() {
            return Instant.now().isBefore(expires.minus(RENEW_BEFORE_EXPIRY));
        }
    }

    /** The automation client's token. */
    public synchronized String automation() {
        return tokens.compute(AUTOMATION_CLIENT, (client, token) -> token != null && token.isFresh() ? token
                : Token.of(tokenRequest(Map.of("grant_type", "client_credentials", "client_id", AUTOMATION_CLIENT,
                        "client_secret", environment(AUTOMATION_SECRET_VARIABLE, AUTOMATION_SECRET))))).value();
    }

    /**
     * A demo user's token (alice, bob, olivia). Their passwords are their names, for development only, unless the
     * realm's variable {@code ORDERFLOW_<NAME>_PASSWORD} gives another.
     */
    public synchronized String demoUser(String name) {
        String password = environment("ORDERFLOW_" + name.toUpperCase(java.util.Locale.ROOT) + "_PASSWORD", name);
        return tokens.compute("user " + name, (user, token) -> token != null && token.isFresh() ? token
                : login(name, password)).value();
    }

    private static String environment(String variable, String otherwise) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? otherwise : value;
    }

    /** A user's token: logs in with this name and password through the login form, as a browser would. */
    public String forUser(String username, String password) {
        return login(username, password).value();
    }

    private Token login(String username, String password) {
        String verifier = randomText(32);
        String state = randomText(16);
        String authorize = issuer + "/protocol/openid-connect/auth?" + form(Map.of("client_id", WEB_CLIENT,
                "response_type", "code", "scope", "openid", "redirect_uri", REDIRECT_URI, "state", state,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> loginPage = send(http, HttpRequest.newBuilder(URI.create(authorize)).GET());
        HttpResponse<String> loggedIn = send(http, HttpRequest.newBuilder(URI.create(loginFormAction(loginPage)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", sessionCookies(loginPage))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password)))));
        String location = loggedIn.headers().firstValue("Location").orElse("");
        Matcher code = CODE.matcher(location);
        if (loggedIn.statusCode() != 302 || !location.startsWith(REDIRECT_URI) || !code.find()) {
            throw new StackException("Keycloak did not log in " + username + " (status " + loggedIn.statusCode()
                    + "): wrong name or password? The demo users are alice, bob and olivia, each with their name as password");
        }
        return Token.of(tokenRequest(Map.of("grant_type", "authorization_code", "client_id", WEB_CLIENT,
                "code", URLDecoder.decode(code.group(1), UTF_8), "redirect_uri", REDIRECT_URI, "code_verifier", verifier)));
    }

    /**
     * The login session's cookies, sent back as a browser would. Keycloak marks them Secure, which a browser
     * honours on http://localhost (a secure context) and java.net's CookieManager does not: hence by hand.
     */
    private static String sessionCookies(HttpResponse<String> page) {
        return page.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')))
                .collect(Collectors.joining("; "));
    }

    private String loginFormAction(HttpResponse<String> page) {
        Matcher form = LOGIN_FORM.matcher(page.body());
        Matcher action = form.find() ? ACTION.matcher(form.group()) : null;
        if (page.statusCode() != 200 || action == null || !action.find()) {
            throw new StackException("Keycloak at " + issuer + " showed no login form (status " + page.statusCode() + ")");
        }
        return action.group(1).replace("&amp;", "&");
    }

    private JsonNode tokenRequest(Map<String, String> parameters) {
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(
                        URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters))));
        if (response.statusCode() != 200) {
            throw new StackException("Keycloak refused a token (" + parameters.get("grant_type") + ", status "
                    + response.statusCode() + "): " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StackException("Keycloak at " + issuer + " does not answer (" + e.getMessage()
                    + "); is the stack running? ./stack status", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    private static String form(Map<String, String> parameters) {
        return new LinkedHashMap<>(parameters).entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), UTF_8) + "=" + URLEncoder.encode(entry.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomText(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
