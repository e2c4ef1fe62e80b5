import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places orders as the benchmark does (80% to KR, 20% to BR) and reads each back, from a number of clients in a
 * closed loop, until {@code count} orders are attempted; prints "succeeded failed seconds" (an order succeeds when
 * it is placed and read back) and the first failure on stderr. Runs on Java 17 and later.
 *
 *   java tools/benchmarks/side-by-side/OrderLoad.java http://localhost:8081/orders 3000 8
 *
 * Every request carries a token of the realm's automation client (client credentials grant; its orders are its
 * own, so no body names a customer), from ORDERFLOW_ISSUER (default http://localhost:8180/realms/orderflow, the
 * local stack's Keycloak) with the secret ORDERFLOW_CLIENT_SECRET (default: the realm's development secret). It is
 * fetched before the first order and again when less than a minute of it is left.
 */
public class OrderLoad {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\":(\\d+)");
    private static String token;
    private static Instant renewAt = Instant.MIN;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        String orders = args[0];
        long count = Long.parseLong(args[1]);
        int clients = Integer.parseInt(args[2]);
        AtomicLong next = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        bearerToken(); // before the clock starts: a missing Keycloak fails here
        long start = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            threads.execute(() -> {
                for (long n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    try {
                        placeAndRead(orders, n);
                    } catch (Exception e) {
                        if (failed.getAndIncrement() == 0) {
                            System.err.println("first failure: " + e);
                        }
                    }
                }
            });
        }
        threads.shutdown();
        threads.awaitTermination(1, TimeUnit.HOURS);
        System.out.printf("%d %d %.2f%n", count - failed.get(), failed.get(), (System.nanoTime() - start) / 1e9);
    }

    private static void placeAndRead(String orders, long n) throws Exception {
        String body = """
                {"items":[{"productId":"p-%d","quantity":1,"unitPrice":12.50}],
                 "deliveryAddress":{"street":"1 Main St","city":"City","postalCode":"04524","country":"%s"}}"""
                .formatted(n % 100, n % 5 == 4 ? "BR" : "KR");
        HttpResponse<String> placed = HTTP.send(HttpRequest.newBuilder(URI.create(orders))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearerToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(placed.body());
        if (placed.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("POST answered " + placed.statusCode() + ": " + placed.body());
        }
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(orders + "/" + id.group(1)))
                .header("Authorization", "Bearer " + bearerToken()).build(), HttpResponse.BodyHandlers.ofString());
        if (read.statusCode() != 200) {
            throw new IllegalStateException("GET answered " + read.statusCode() + ": " + read.body());
        }
    }

    /** The current token; a new one when less than a minute of it is left (the realm's live 5 minutes). */
    private static synchronized String bearerToken() throws Exception {
        if (Instant.now().isBefore(renewAt)) {
            return token;
        }
        String issuer = System.getenv().getOrDefault("ORDERFLOW_ISSUER", "http://localhost:8180/realms/orderflow");
        String secret = System.getenv().getOrDefault("ORDERFLOW_CLIENT_SECRET", "automation-dev-only-secret");
        String form = "grant_type=client_credentials&client_id=orderflow-automation&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                        URI.create(issuer.replaceAll("/+$", "") + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher value = ACCESS_TOKEN.matcher(answer.body());
        Matcher expiresIn = EXPIRES_IN.matcher(answer.body());
        if (answer.statusCode() != 200 || !value.find()) {
            throw new IllegalStateException(issuer + " gave no token (" + answer.statusCode() + "): " + answer.body());
        }
        token = value.group(1);
        renewAt = Instant.now().plusSeconds((expiresIn.find() ? Long.parseLong(expiresIn.group(1)) : 60) - 60);
        return token;
    }
}
