import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 */
public class OrderLoad {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        String orders = args[0];
        long count = Long.parseLong(args[1]);
        int clients = Integer.parseInt(args[2]);
        AtomicLong next = new AtomicLong();
        AtomicLong failed = new AtomicLong();
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
                {"customerId":"side-by-side","items":[{"productId":"p-%d","quantity":1,"unitPrice":12.50}],
                 "deliveryAddress":{"street":"1 Main St","city":"City","postalCode":"04524","country":"%s"}}"""
                .formatted(n % 100, n % 5 == 4 ? "BR" : "KR");
        HttpResponse<String> placed = HTTP.send(HttpRequest.newBuilder(URI.create(orders))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(placed.body());
        if (placed.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("POST answered " + placed.statusCode() + ": " + placed.body());
        }
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(orders + "/" + id.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (read.statusCode() != 200) {
            throw new IllegalStateException("GET answered " + read.statusCode() + ": " + read.body());
        }
    }
}
