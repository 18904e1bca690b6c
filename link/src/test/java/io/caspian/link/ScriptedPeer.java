package io.caspian.link;

import io.caspian.iso8583.DecodeResult;
import io.caspian.iso8583.EncodeResult;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.framing.FrameSpec;
import io.caspian.iso8583.framing.Framing;
import io.caspian.iso8583.framing.LengthHeader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * A scheme host played by the test with a blocking socket, one step at a time, so that it
 * can misbehave: stop answering echoes, stop reading, send broken frames.
 */
final class ScriptedPeer implements AutoCloseable {
    private final ServerSocket server;
    private final Framing framing;
    private final IsoCodec codec;
    final NetworkManagement nm;
    private Socket socket;
    private DataInputStream in;

    ScriptedPeer(Dialect dialect, FrameSpec spec) {
        this.framing = new Framing(spec);
        this.codec = new IsoCodec(dialect);
        this.nm = new NetworkManagement(dialect, null, Clock.systemUTC());
        try {
            server = new ServerSocket();
            server.setReceiveBufferSize(4_096);
            server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** Waits for the link under test to connect. */
    ScriptedPeer accept(long timeoutMs) {
        try {
            server.setSoTimeout((int) timeoutMs);
            socket = server.accept();
            socket.setSoTimeout((int) timeoutMs);
            in = new DataInputStream(socket.getInputStream());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next message from the link; fails on timeout or close. */
    IsoMessage read() {
        try {
            int h = framing.spec().header().bytes();
            byte[] header = new byte[h];
            in.readFully(header);
            int length = h == 2 ? ((header[0] & 0xFF) << 8) | (header[1] & 0xFF)
                    : Integer.parseInt(new String(header, StandardCharsets.US_ASCII));
            byte[] body = new byte[length];
            in.readFully(body);
            int skip = framing.spec().tpdu() ? FrameSpec.TPDU_BYTES : 0;
            DecodeResult r = codec.decode(body, skip, length - skip);
            return ((DecodeResult.Success) r).message();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the link closes the connection within the socket timeout (reads discarded). */
    boolean closedByLink() {
        try {
            while (in.read() >= 0) {
                // Echoes and the like may still arrive before the close.
            }
            return true;
        } catch (EOFException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    void write(IsoMessage m) {
        byte[] body = ((EncodeResult.Success) codec.encode(m)).bytes();
        writeBody(body);
    }

    void writeBody(byte[] body) {
        writeRaw(framing.write(framing.spec().tpdu() ? new byte[] {0x60, 0, 1, 0, 2} : null,
                body));
    }

    void writeRaw(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] encode(IsoMessage m) {
        return ((EncodeResult.Success) codec.encode(m)).bytes();
    }

    /** Reads the link's sign-on and approves it. */
    void answerSignOn() {
        IsoMessage signOn = read();
        if (nm.code(signOn) != NetworkCode.SIGN_ON) {
            throw new AssertionError("expected a sign-on, got " + signOn);
        }
        write(nm.response(signOn, nm.approvedCode()));
    }

    static FrameSpec binary2() {
        return new FrameSpec(LengthHeader.BINARY2, false, 4_000);
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        server.close();
    }
}
