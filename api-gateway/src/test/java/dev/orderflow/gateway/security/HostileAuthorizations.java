package dev.orderflow.gateway.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.orderflow.testinfra.TestTokenIssuer;
import dev.orderflow.testinfra.TestTokenIssuer.Token;

/**
 * Generates the hostile requests of {@link HostileTokensTest}: broken, forged, misdirected and oversized tokens, and
 * Authorization headers in every shape but the one accepted. Forgeries are made as an attacker would: from a valid
 * token of their own and the issuer's published JWKS, never with its private key. Random choices come from the
 * seed, so that a failing case can be made again.
 */
final class HostileAuthorizations {

    /**
     * One request: its request line, its header lines (sent byte for byte as ISO-8859-1, so that {@code "\u00c3\u00a9"}
     * is the UTF-8 of an é) and the statuses it may be refused with.
     */
    record Hostile(String name, String requestLine, List<String> headers, Set<Integer> statuses) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Set<Integer> UNAUTHORIZED = Set.of(401);
    private static final Set<Integer> BAD_REQUEST = Set.of(400);
    private static final Set<Integer> HEADER_TOO_LARGE = Set.of(431);
    private static final Set<Integer> UNREADABLE_OR_UNAUTHORIZED = Set.of(400, 401);
    private static final String[] TARGETS = {"GET /api/orders/1", "GET /api/deliveries?orderId=1",
            "DELETE /api/orders/1", "POST /api/orders/1/cancel"};
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final TestTokenIssuer issuer;
    private final Random random;
    private final String jwks;
    private final RSAKey publishedKey;
    private final String valid;
    private final List<RSAKey> attackerKeys = new ArrayList<>();
    private final List<Hostile> hostile = new ArrayList<>();

    HostileAuthorizations(TestTokenIssuer issuer, Random random) {
        this.issuer = issuer;
        this.random = random;
        this.jwks = fetch(issuer.jwkSetUri());
        this.publishedKey = publishedKey(jwks);
        this.valid = issuer.tokenFor("mallory", "customer");
        for (int i = 0; i < 4; i++) {
            attackerKeys.add(TestTokenIssuer.newKey());
        }
    }

    List<Hostile> all() {
        truncated();
        tampered();
        signedWithOtherKeys();
        unsigned();
        hmacWithThePublicKey();
        outOfTime();
        misdirected();
        withoutCaller();
        withKeysOfTheirOwn();
        oversized();
        nonAscii();
        controlCharacters();
        otherSchemesAndShapes();
        twoAuthorizationHeaders();
        tokensElsewhere();
        malformedStructure();
        deeplyNested();
        randomGarbage();
        return List.copyOf(hostile);
    }

    private void truncated() {
        for (int i = 0; i < 25; i++) {
            int cut = 1 + random.nextInt(valid.length() - 1);
            bearer("truncated to " + cut + " characters", valid.substring(0, cut));
        }
        String[] parts = valid.split("\\.");
        bearer("header and payload only", parts[0] + "." + parts[1]);
        bearer("header and payload, empty signature", parts[0] + "." + parts[1] + ".");
        bearer("header only", parts[0]);
    }

    /** One base64url character changed so that a bit of data changes (never the last one, which may be padding). */
    private void tampered() {
        String[] segmentNames = {"header", "payload", "signature"};
        for (int segment = 0; segment < 3; segment++) {
            for (int i = 0; i < 10; i++) {
                String[] parts = valid.split("\\.");
                int at = random.nextInt(parts[segment].length() - 1);
                char original = parts[segment].charAt(at);
                char changed = BASE64URL.charAt((BASE64URL.indexOf(original) + 32) % 64);
                parts[segment] = parts[segment].substring(0, at) + changed + parts[segment].substring(at + 1);
                bearer(segmentNames[segment] + " changed at " + at, String.join(".", parts));
            }
        }
    }

    private void signedWithOtherKeys() {
        for (int i = 0; i < 6; i++) {
            bearer("re-signed with another key of its own id " + i,
                    issuer.token("mallory", "customer").signedWith(TestTokenIssuer.newKey()).sign());
        }
        String payload = payloadOf(valid);
        for (RSAKey key : attackerKeys) {
            bearer("another key under the published key id",
                    signed(header("RS256", publishedKey.getKeyID()), payload, "SHA256withRSA", key));
        }
        bearer("another key without a key id", signed("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", payload,
                "SHA256withRSA", attackerKeys.getFirst()));
        bearer("another key, RS384", signed(header("RS384", publishedKey.getKeyID()), payload, "SHA384withRSA",
                attackerKeys.get(1)));
        bearer("another key, RS512", signed(header("RS512", publishedKey.getKeyID()), payload, "SHA512withRSA",
                attackerKeys.get(2)));
    }

    private void unsigned() {
        String[] parts = valid.split("\\.");
        for (String none : new String[] {"none", "None", "NONE", "nOnE"}) {
            String header = encode("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}");
            bearer("alg " + none + ", no signature", header + "." + parts[1] + ".");
            bearer("alg " + none + ", the original signature", header + "." + parts[1] + "." + parts[2]);
        }
        bearer("alg none under the published key id",
                encode("{\"alg\":\"none\",\"kid\":\"" + publishedKey.getKeyID() + "\"}") + "." + parts[1] + ".");
        bearer("no alg at all", encode("{\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2]);
    }

    /** HS256 confusion: the issuer's public key, which anybody can read, used as an HMAC secret. */
    private void hmacWithThePublicKey() {
        RSAPublicKey publicKey = rsaPublicKey();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        List<byte[]> secrets = List.of(publicKey.getEncoded(), pem.getBytes(StandardCharsets.UTF_8),
                jwks.getBytes(StandardCharsets.UTF_8), publishedKey.toJSONString().getBytes(StandardCharsets.UTF_8),
                publicKey.getModulus().toByteArray());
        String[] secretNames = {"DER", "PEM", "JWKS", "JWK", "modulus"};
        String payload = payloadOf(valid);
        for (int s = 0; s < secrets.size(); s++) {
            for (String algorithm : new String[] {"HS256", "HS384", "HS512"}) {
                String signingInput = encode(header(algorithm, publishedKey.getKeyID())) + "." + encode(payload);
                bearer(algorithm + " with the public key's " + secretNames[s] + " as secret",
                        signingInput + "." + hmac(algorithm, secrets.get(s), signingInput));
            }
        }
    }

    /** Beyond the 60 s of clock skew the resource server allows. */
    private void outOfTime() {
        Instant now = Instant.now();
        for (Duration ago : List.of(Duration.ofSeconds(90), Duration.ofMinutes(5), Duration.ofHours(1),
                Duration.ofDays(1), Duration.ofDays(365))) {
            Instant expiry = now.minus(ago);
            shaped("expired " + ago + " ago", token -> token.claim("iat", Date.from(expiry.minusSeconds(300)))
                    .notBefore(expiry.minusSeconds(300)).expiresAt(expiry));
        }
        shaped("expired in 1970", token -> token.claim("iat", new Date(0)).notBefore(Instant.EPOCH)
                .expiresAt(Instant.ofEpochSecond(1)));
        for (Duration ahead : List.of(Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1),
                Duration.ofDays(1), Duration.ofDays(3650))) {
            Instant start = now.plus(ahead);
            shaped("not valid for another " + ahead, token -> token.notBefore(start).expiresAt(start.plusSeconds(300)));
        }
    }

    private void misdirected() {
        for (List<String> audience : List.of(List.of("order-service"), List.of("delivery-service"),
                List.of("order-service", "delivery-service"), List.of("API-GATEWAY"), List.of("api-gateway "),
                List.of("api-gateway/"), List.of("account"), List.of(""), List.<String>of())) {
            shaped("audience " + audience, token -> token.audience(audience.toArray(String[]::new)));
        }
        shaped("no audience", token -> token.claim("aud", null));
        String realm = issuer.issuerUri();
        for (String foreign : List.of("http://evil.example/realms/orderflow", realm + "/",
                realm.replace("http:", "https:"), realm.replace("localhost", "127.0.0.1"),
                realm.toUpperCase(), realm.replace("orderflow", "master"), "")) {
            shaped("issuer '" + foreign + "'", token -> token.issuer(foreign));
        }
        shaped("no issuer", token -> token.claim("iss", null));
    }

    private void withoutCaller() {
        shaped("no subject", token -> token.claim("sub", null));
        shaped("empty subject", token -> token.claim("sub", ""));
        shaped("blank subject", token -> token.claim("sub", "   "));
    }

    /** Headers that name a key of the attacker's own: the resource server must use only the issuer's JWKS. */
    private void withKeysOfTheirOwn() {
        RSAKey attacker = attackerKeys.getFirst();
        String payload = payloadOf(valid);
        bearer("embedded jwk of the signer", signed("{\"alg\":\"RS256\",\"kid\":\"" + attacker.getKeyID()
                + "\",\"jwk\":" + attacker.toPublicJWK().toJSONString() + "}", payload, "SHA256withRSA", attacker));
        bearer("jku of the attacker", signed("{\"alg\":\"RS256\",\"kid\":\"" + attacker.getKeyID()
                + "\",\"jku\":\"http://127.0.0.1:1/jwks\"}", payload, "SHA256withRSA", attacker));
        bearer("x5u of the attacker", signed("{\"alg\":\"RS256\",\"kid\":\"" + attacker.getKeyID()
                + "\",\"x5u\":\"http://127.0.0.1:1/cert.pem\"}", payload, "SHA256withRSA", attacker));
    }

    /** The server takes 8 kB of request headers (Spring Boot's default for Netty); beyond, it answers 431. */
    private void oversized() {
        bearer("6 kB, another key", issuer.token("mallory", "customer").claim("padding", "x".repeat(4000))
                .signedWith(attackerKeys.getFirst()).sign());
        bearer("7 kB of garbage", randomToken(7000));
        bearer("a valid token with 5 kB more signature", valid + "A".repeat(5000));
        for (int kilobytes : new int[] {9, 20, 32}) {
            add(kilobytes + " kB", List.of("Authorization: Bearer " + randomToken(kilobytes * 1024)), HEADER_TOO_LARGE);
        }
    }

    /**
     * Bytes outside ASCII. Netty passes them on; Spring Security's firewall refuses a header with control characters
     * (400), which includes bytes 0x80-0x9F of UTF-8 sequences read as ISO-8859-1; the rest is a malformed token.
     */
    private void nonAscii() {
        String utf8Emoji = new String("\uD83D\uDE00".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String fullWidth = new String("\uff22\uff45\uff41\uff52\uff45\uff52".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);
        for (String authorization : List.of("Bearer " + valid.substring(0, 40) + "\u00e9" + valid.substring(41),
                "Bearer " + valid.substring(0, 40) + "\u00c3\u00a9" + valid.substring(40),
                "Bearer " + valid + utf8Emoji, "Bearer\u00a0" + valid, "B\u00d0\u00b5arer " + valid,
                "Bearer \u00e2\u0080\u008b" + valid,
                "Bearer \u00c0\u00c1\u00c2\u00c3\u00c4\u00c5.\u00e0\u00e1\u00e2.\u00f0\u00f1\u00f2",
                "Bearer " + fullWidth, fullWidth + " " + valid)) {
            add("non-ASCII: " + abbreviated(authorization), List.of("Authorization: " + authorization),
                    UNREADABLE_OR_UNAUTHORIZED);
        }
    }

    /** Netty or Spring Security's firewall refuse these in a header (400), or they make a malformed token (401). */
    private void controlCharacters() {
        add("SOH after the token", List.of("Authorization: Bearer " + valid + "\u0001"), UNREADABLE_OR_UNAUTHORIZED);
        add("NUL before the token", List.of("Authorization: Bearer \u0000" + valid), UNREADABLE_OR_UNAUTHORIZED);
        add("DEL after the token", List.of("Authorization: Bearer " + valid + "\u007f"), UNREADABLE_OR_UNAUTHORIZED);
        add("vertical tab after the scheme", List.of("Authorization: Bearer\u000b" + valid),
                UNREADABLE_OR_UNAUTHORIZED);
    }

    private void otherSchemesAndShapes() {
        String expired = issuer.token("mallory", "customer").claim("iat", Date.from(Instant.now().minusSeconds(900)))
                .notBefore(Instant.now().minusSeconds(900)).expiresAt(Instant.now().minusSeconds(600)).sign();
        String otherAudience = issuer.token("mallory", "customer").audience("order-service").sign();
        String basic = Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8));
        for (String authorization : List.of("Bearer  " + valid, "Bearer\t" + valid, "Bearer " + valid + " " + valid,
                "Bearer " + valid + ",", "Bearer=" + valid, "Bearer:" + valid, "Bearer+" + valid, "Bearer",
                "Bearer \"" + valid + "\"", "Bearer " + valid + ";", "Bearer " + valid + " extra",
                "Bearer%20" + valid, "bearer " + expired, "BEARER " + otherAudience, "BeArEr " + expired,
                "Token " + valid, "JWT " + valid, "OAuth " + valid, valid, "Basic " + basic, "Basic " + valid,
                "Digest username=\"alice\", realm=\"orderflow\"", "Negotiate " + valid, "Bearer , " + valid)) {
            add("Authorization: " + abbreviated(authorization), List.of("Authorization: " + authorization),
                    UNAUTHORIZED);
        }
    }

    /** Which one would a service read? Refused as RFC 6750's invalid_request. */
    private void twoAuthorizationHeaders() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8));
        String other = issuer.tokenFor("eve", "operator");
        List<List<String>> pairs = List.of(List.of("Bearer " + valid, "Bearer " + valid),
                List.of("Bearer " + valid, "Bearer " + other), List.of("Bearer " + valid, "Bearer garbage"),
                List.of("Bearer garbage", "Bearer " + valid), List.of(basic, "Bearer " + valid),
                List.of("Bearer " + valid, basic));
        for (List<String> pair : pairs) {
            add("two Authorization headers: " + abbreviated(pair.get(0)) + " / " + abbreviated(pair.get(1)),
                    pair.stream().map(value -> "Authorization: " + value).toList(), BAD_REQUEST);
        }
    }

    /** The token only in places the gateway does not read it from. */
    private void tokensElsewhere() {
        add("no Authorization header", List.of(), UNAUTHORIZED);
        hostile.add(new Hostile("access_token in the query string", "GET /api/orders/1?access_token=" + valid
                + " HTTP/1.1", List.of(), UNAUTHORIZED));
        for (String header : List.of("Proxy-Authorization: Bearer " + valid, "Cookie: access_token=" + valid,
                "X-Access-Token: " + valid, "X-Forwarded-Access-Token: " + valid, "Authorization2: Bearer " + valid)) {
            add(header.substring(0, header.indexOf(':')), List.of(header), UNAUTHORIZED);
        }
    }

    private void malformedStructure() {
        String[] parts = valid.split("\\.");
        bearer("two segments", "a.b");
        bearer("five segments, as an encrypted token", parts[0] + "." + parts[1] + "." + parts[2] + ".abc.def");
        bearer("dots only", "..");
        bearer("empty segments", "....");
        bearer("empty JSON objects", "e30.e30.e30");
        bearer("header null", encode("null") + "." + parts[1] + "." + parts[2]);
        bearer("header an array", encode("[]") + "." + parts[1] + "." + parts[2]);
        bearer("payload null", parts[0] + "." + encode("null") + "." + parts[2]);
        bearer("payload not JSON", parts[0] + "." + encode("not json at all") + "." + parts[2]);
    }

    private void deeplyNested() {
        String nested = "[".repeat(2000) + "]".repeat(2000);
        String payload = payloadOf(valid);
        bearer("header nested 2000 deep", encode("{\"alg\":\"RS256\",\"kid\":\"" + publishedKey.getKeyID()
                + "\",\"x\":" + nested + "}") + "." + encode(payload) + "." + valid.split("\\.")[2]);
        bearer("payload nested 2000 deep", signed(header("RS256", publishedKey.getKeyID()),
                "{\"sub\":\"mallory\",\"x\":" + nested + "}", "SHA256withRSA", attackerKeys.getFirst()));
    }

    private void randomGarbage() {
        for (int i = 0; i < 10; i++) {
            bearer("random garbage " + i, randomToken(1 + random.nextInt(500)));
        }
    }

    private void shaped(String name, UnaryOperator<Token> shaping) {
        bearer(name, shaping.apply(issuer.token("mallory", "customer")).sign());
    }

    private void bearer(String name, String token) {
        add(name, List.of("Authorization: Bearer " + token), UNAUTHORIZED);
    }

    private void add(String name, List<String> headers, Set<Integer> statuses) {
        String target = TARGETS[hostile.size() % TARGETS.length];
        List<String> all = new ArrayList<>(headers);
        if (target.startsWith("POST")) {
            all.add("Content-Length: 0");
        }
        hostile.add(new Hostile(name, target + " HTTP/1.1", List.copyOf(all), statuses));
    }

    private String randomToken(int length) {
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(random.nextInt(40) == 0 ? '.' : BASE64URL.charAt(random.nextInt(64)));
        }
        return token.toString();
    }

    private static String abbreviated(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    private static String header(String algorithm, String keyId) {
        return "{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}";
    }

    private static String payloadOf(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String signed(String header, String payload, String algorithm, RSAKey key) {
        String signingInput = encode(header) + "." + encode(payload);
        try {
            PrivateKey privateKey = key.toPrivateKey();
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        }
        catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String algorithm, byte[] secret, String signingInput) {
        String javaName = "Hmac" + algorithm.replace("HS", "SHA");
        try {
            Mac mac = Mac.getInstance(javaName);
            mac.init(new SecretKeySpec(secret, javaName));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private RSAPublicKey rsaPublicKey() {
        try {
            return publishedKey.toRSAPublicKey();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey publishedKey(String jwks) {
        try {
            return JWKSet.parse(jwks).getKeys().getFirst().toRSAKey();
        }
        catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWKS as anybody can read it. */
    private static String fetch(String url) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString()).body();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
