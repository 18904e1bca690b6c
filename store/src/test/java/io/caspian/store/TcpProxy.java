package io.caspian.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder between the store and its database that a test can cut and restore:
 * {@link #cut()} resets every open connection and refuses new ones, as a database host
 * going away does; {@link #restore()} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile int port;

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        listen(0);
    }

    public int port() {
        return port;
    }

    public synchronized void cut() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            try {
                // Linger 0 sends a reset, as a crashed host's kernel would.
                socket.setSoLinger(true, 0);
            } catch (IOException e) {
                // Already closed by its pump.
            }
            closeQuietly(socket);
        }
        sockets.clear();
    }

    public synchronized void restore() throws IOException {
        // A listening socket closed while its acceptor is blocked in accept() is released
        // only once that thread wakes up, so the port can be busy for a moment after cut().
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try {
                listen(port);
                return;
            } catch (BindException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private void listen(int onPort) throws IOException {
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        server = listening;
        port = listening.getLocalPort();
        Thread acceptor = new Thread(() -> accept(listening), "proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                if (!register(listening, client, upstream)) {
                    return;
                }
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // Closed by cut(): stop accepting.
                return;
            }
        }
    }

    /**
     * Tracks a new pair for cut(), unless cut() ran while it was being connected: then the
     * pair is reset like the others, or it would hold the port and outlive the cut.
     */
    private synchronized boolean register(ServerSocket listening, Socket client,
            Socket upstream) {
        if (listening.isClosed()) {
            for (Socket socket : List.of(client, upstream)) {
                try {
                    socket.setSoLinger(true, 0);
                } catch (IOException e) {
                    // Already closed.
                }
                closeQuietly(socket);
            }
            return false;
        }
        sockets.add(client);
        sockets.add(upstream);
        return true;
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // The other direction or cut() closed the pair.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
