package dev.orderflow.webproblems;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A problem's {@code instance}: the request's path as the client sent it, as a URI. Tomcat lets through characters
 * a URI may not hold (such as {@code [ ] | ^} and the other relaxed path characters); those are %-encoded here,
 * where {@link URI#create}, and so Spring MVC's own default for the instance, would throw on them.
 */
public final class ProblemInstance {

    /** What a URI path may hold as it is (RFC 3986 pchar and '/'), '%' only as the start of an escape. */
    private static final String LEGAL_IN_PATH =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/%";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private ProblemInstance() {
    }

    public static URI of(String rawPath) {
        StringBuilder uri = new StringBuilder(rawPath.length());
        byte[] bytes = rawPath.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            char c = (char) (bytes[i] & 0xff);
            boolean lonePercent = c == '%' && !(i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]));
            if (LEGAL_IN_PATH.indexOf(c) >= 0 && !lonePercent) {
                uri.append(c);
            } else {
                uri.append('%').append(HEX.toHexDigits(bytes[i]));
            }
        }
        return URI.create(uri.toString());
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
