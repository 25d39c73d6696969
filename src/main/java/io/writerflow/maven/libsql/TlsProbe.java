package io.writerflow.maven.libsql;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Learns, before the first request to an {@code https:} address, whether the server there speaks TLS at all. A
 * plain-HTTP server (a local {@code tursodb --sync-server} behind a {@code libsql://} URL without
 * {@code ?tls=0}) reads a TLS ClientHello as the start of a request line and waits for its end, so the HTTP
 * client's handshake would wait out its whole connect timeout, and then the retries of a read. The probe sends
 * the ClientHello followed by an empty line: a plain-HTTP server then has a whole (bad) request and answers at
 * once with {@code HTTP/1.1 4xx}, while a TLS server has answered the hello with a handshake record before it
 * looks at what follows. The connection is closed after the first bytes of the answer; the real request opens
 * its own.
 */
final class TlsProbe {

    /** What the server answered. */
    enum Answer {
        /** A TLS record: a handshake or an alert. */
        TLS,
        /** An HTTP status line: the server speaks plain HTTP. */
        PLAIN_HTTP,
        /** Nothing within the timeout, though the connection was accepted. */
        SILENT,
        /** Something else, or the connection closed: the request itself will say what is wrong. */
        UNKNOWN
    }

    private static final int HANDSHAKE = 22;
    private static final int ALERT = 21;
    private static final byte[] EMPTY_LINES = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private TlsProbe() {
    }

    /**
     * @param timeout for connecting, and again for the first bytes of the answer
     * @throws IOException when no connection could be made (refused, unknown host, timed out)
     */
    static Answer probe(String host, int port, Duration timeout) throws IOException {
        byte[] hello;
        try {
            hello = clientHello(host, port);
        } catch (SSLException | RuntimeException e) {
            return Answer.UNKNOWN; // the request's own handshake will fail and say why
        }
        try (Socket socket = new Socket()) {
            int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            try {
                // one write: a plain server that answered the hello's bytes alone and closed would otherwise reset
                // the connection when the empty lines arrive, losing its answer
                byte[] both = Arrays.copyOf(hello, hello.length + EMPTY_LINES.length);
                System.arraycopy(EMPTY_LINES, 0, both, hello.length, EMPTY_LINES.length);
                OutputStream out = socket.getOutputStream();
                out.write(both);
                out.flush();
                return answer(socket.getInputStream());
            } catch (SocketTimeoutException e) {
                return Answer.SILENT;
            } catch (IOException e) {
                return Answer.UNKNOWN; // reset or closed: the request itself reports it in its own words
            }
        }
    }

    private static Answer answer(InputStream in) throws IOException {
        int first = in.read();
        if (first == HANDSHAKE || first == ALERT) {
            return Answer.TLS;
        }
        if (first != 'H') {
            return Answer.UNKNOWN;
        }
        byte[] rest = in.readNBytes(4);
        return Arrays.equals(rest, "TTP/".getBytes(StandardCharsets.US_ASCII)) ? Answer.PLAIN_HTTP : Answer.UNKNOWN;
    }

    /** The ClientHello the JDK's own TLS would send to {@code host}, with its server name. */
    private static byte[] clientHello(String host, int port) throws SSLException {
        SSLEngine engine;
        try {
            engine = SSLContext.getDefault().createSSLEngine(host, port);
        } catch (NoSuchAlgorithmException e) {
            throw new SSLException("No TLS in this JVM: " + e.getMessage(), e);
        }
        engine.setUseClientMode(true);
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.beginHandshake();
        engine.wrap(ByteBuffer.allocate(0), out);
        out.flip();
        byte[] hello = new byte[out.remaining()];
        out.get(hello);
        return withoutLineBreaksInRandomParts(hello);
    }

    /** Where the ClientHello's random starts: after the record header (5), the handshake header (4), the version (2). */
    private static final int RANDOM = 11;

    /**
     * The hello with any CR or LF in its random and its session id replaced. A plain-HTTP server reads the hello
     * as a request line up to the first line break; one falling in these random bytes (about one hello in 14) made
     * the Turso server close the connection without an answer, where a line break in the hello's fixed part (the
     * cipher suites) has it answer {@code 400}. A TLS server does not look inside either field.
     */
    static byte[] withoutLineBreaksInRandomParts(byte[] hello) {
        int sessionIdLength = hello.length > RANDOM + 32 ? hello[RANDOM + 32] & 0xff : 0;
        int end = Math.min(hello.length, RANDOM + 32 + 1 + sessionIdLength);
        for (int i = RANDOM; i < end; i++) {
            if (i != RANDOM + 32 && (hello[i] == '\r' || hello[i] == '\n')) {
                hello[i] = 0x0b;
            }
        }
        return hello;
    }
}
