package dk.indkoebsscreening.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what a well-behaved client refuses to send: malformed
 * percent-encoding, raw braces, path tricks, a forged {@code Host}. One request per connection. Answers to
 * {@code /api} are held to the OpenAPI document like {@link ApiClient}'s ({@link ApiContract}): an error of a
 * route the document lacks must still be a problem.
 */
public final class RawHttp {

    public record Reply(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final int port;
    private final InetAddress from;

    public RawHttp(int port) {
        this(port, null);
    }

    /** Connects from the given loopback address (any of 127.0.0.0/8), as a client on another machine would. */
    public RawHttp(int port, String fromAddress) {
        this.port = port;
        try {
            this.from = fromAddress == null ? null : InetAddress.getByName(fromAddress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the request target exactly as given; {@code headers} are extra lines such as "Authorization: ...". */
    public Reply send(String method, String target, Map<String, String> headers, byte[] body) {
        try (Socket socket = from == null ? new Socket("localhost", port) : new Socket(InetAddress.getLoopbackAddress(), port, from, 0)) {
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Host", "localhost:" + port);
            all.putAll(headers);
            all.put("Connection", "close");
            if (body != null) {
                all.put("Content-Length", Integer.toString(body.length));
            }
            all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            IOException refusedWhileWriting = null;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                // Tomcat answers a head over its limit and closes at once, at times before all of it was written
                // (a broken pipe here): its answer is still there to read.
                refusedWhileWriting = e;
            }
            Reply reply;
            try {
                reply = parse(socket.getInputStream());
            } catch (IOException e) {
                if (refusedWhileWriting != null) {
                    e.addSuppressed(refusedWhileWriting);
                }
                throw e;
            }
            if (!"HEAD".equals(method)) {
                ApiContract.committed().check(method, target, headerOf(all, "Content-Type"), body, reply.status(),
                        reply.header("Content-Type"), reply.body().getBytes(StandardCharsets.UTF_8));
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String headerOf(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    public Reply get(String user, String target) {
        return send("GET", target, user == null ? Map.of() : Map.of("Authorization", basic(user)), null);
    }

    public Reply get(String user, String password, String target) {
        return send("GET", target, Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))), null);
    }

    private static Reply parse(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        if (all.length == 0) {
            throw new IOException("the server closed the connection without an answer");
        }
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end < 0 ? text.length() : end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int position = 0;
        while (position < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, position);
            int size = Integer.parseInt(new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }
}
