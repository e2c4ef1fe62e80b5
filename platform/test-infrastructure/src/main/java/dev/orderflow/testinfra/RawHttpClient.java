package dev.orderflow.testinfra;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests that java.net.http refuses to send: raw control characters or bytes
 * outside ASCII in the request line, malformed %-encodings. Each request has its own connection, closed after the
 * answer. The request line is sent as ISO-8859-1, one byte per char: {@code "\u00c3\u00a9"} is the UTF-8 of an é.
 */
public final class RawHttpClient {

    private final int port;

    public RawHttpClient(int port) {
        this.port = port;
    }

    /** Sends {@code requestLine} (e.g. {@code "GET /orders?x=\u0001 HTTP/1.1"}) with a Host header and these. */
    public HttpTestClient.Response send(String requestLine, String... headerLines) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n");
        for (String header : headerLines) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("raw HTTP call failed: " + e, e);
        }
    }

    private static HttpTestClient.Response parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IOException("no complete response head in: " + text);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    List.of(lines[i].substring(colon + 1).strip()));
        }
        byte[] body = Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", List.of("")).getFirst().equalsIgnoreCase("chunked")) {
            body = dechunk(new ByteArrayInputStream(body));
        }
        return new HttpTestClient.Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream chunked) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(chunked);
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].strip(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked.readNBytes(size));
            readLine(chunked);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
