package io.onboarding.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server that answers {@code 550} to RCPT TO for the given addresses and accepts (and
 * discards) everything else — what a real server does for a mailbox that does not exist. GreenMail
 * accepts every recipient, so it cannot show this.
 */
final class RejectingSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final Set<String> rejected;
    private final AtomicInteger accepted = new AtomicInteger();

    RejectingSmtpServer(int port, Set<String> rejected) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.rejected = rejected;
        Thread thread = new Thread(this::serve, "rejecting-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    /** Messages accepted for delivery. */
    int accepted() {
        return accepted.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept();
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.US_ASCII));
                    PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                reply(out, "220 stub ESMTP");
                boolean anyRecipient = false;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String command = line.toUpperCase(Locale.ROOT);
                    if (command.startsWith("RCPT TO:")) {
                        String address = line.replaceAll("(?i)RCPT TO:\\s*<([^>]*)>.*", "$1").toLowerCase(Locale.ROOT);
                        if (rejected.contains(address)) {
                            reply(out, "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown");
                        } else {
                            anyRecipient = true;
                            reply(out, "250 2.1.5 OK");
                        }
                    } else if (command.startsWith("DATA")) {
                        if (!anyRecipient) {
                            reply(out, "554 5.5.1 No valid recipients");
                            continue;
                        }
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                            // discarded
                        }
                        accepted.incrementAndGet();
                        reply(out, "250 2.0.0 queued");
                    } else if (command.startsWith("QUIT")) {
                        reply(out, "221 2.0.0 bye");
                        break;
                    } else if (command.startsWith("RSET")) {
                        anyRecipient = false;
                        reply(out, "250 2.0.0 OK");
                    } else {
                        reply(out, "250 OK");
                    }
                }
            } catch (IOException e) {
                // closed, or the client went away: take the next connection
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
