package com.closureconsole.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail server on a random local port that answers SMTP properly, or accepts connections and
 * never says a word (a hung server): by default it answers the first {@code answered} connections
 * and hangs on every later one, until told otherwise. It keeps the Message-ID of each message it
 * received. A slow server: while {@link #holdMessages() held}, it takes each message in and waits
 * to acknowledge it until released.
 */
public final class FakeSmtpServer implements AutoCloseable {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

    private final ServerSocket socket;
    private final Thread acceptor;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<String> messageIds = new CopyOnWriteArrayList<>();
    private final Semaphore hung = new Semaphore(0);
    private final Semaphore held = new Semaphore(0);
    private volatile java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(0);
    private volatile int answered;

    /** Answers the first {@code answered} connections, hangs on the rest. */
    public FakeSmtpServer(int answered) {
        this.answered = answered;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::accept, "fake-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** From now on, answers every connection. */
    void recover() {
        answered = Integer.MAX_VALUE;
    }

    /** Waits until a client hangs on this server. */
    boolean awaitHungClient(long seconds) throws InterruptedException {
        return hung.tryAcquire(seconds, TimeUnit.SECONDS);
    }

    /** From now on, holds each message's acknowledgement until {@link #releaseMessages()}. */
    public void holdMessages() {
        release = new java.util.concurrent.CountDownLatch(1);
    }

    /** Acknowledges the held messages, and answers the next ones at once. */
    public void releaseMessages() {
        release.countDown();
    }

    /** Waits until a message has been taken in and is held unacknowledged. */
    public boolean awaitHeldMessage(long seconds) throws InterruptedException {
        return held.tryAcquire(seconds, TimeUnit.SECONDS);
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<String> messageIds() {
        return List.copyOf(messageIds);
    }

    /** Spring Mail pointed at this server, giving up on it after {@code timeoutMillis}. */
    JavaMailSenderImpl sender(int timeoutMillis) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(socket.getInetAddress().getHostAddress());
        sender.setPort(socket.getLocalPort());
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", String.valueOf(timeoutMillis));
        properties.put("mail.smtp.timeout", String.valueOf(timeoutMillis));
        properties.put("mail.smtp.writetimeout", String.valueOf(timeoutMillis));
        sender.setJavaMailProperties(properties);
        return sender;
    }

    private void accept() {
        int count = 0;
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.add(client);
                if (++count <= answered) {
                    Thread talker = new Thread(() -> talk(client), "fake-smtp-session");
                    talker.setDaemon(true);
                    talker.start();
                } else {
                    hung.release();
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void talk(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = client.getOutputStream()) {
            reply(out, "220 fake ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 fake");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        StringBuilder data = new StringBuilder();
                        for (String l = in.readLine(); l != null && !l.equals("."); l = in.readLine()) {
                            data.append(l).append('\n');
                        }
                        Matcher id = MESSAGE_ID.matcher(data);
                        messageIds.add(id.find() ? id.group(1) : "(none)");
                        java.util.concurrent.CountDownLatch gate = release;
                        if (gate.getCount() > 0) {
                            held.release();
                            awaitRelease(gate);
                        }
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // The client went away: nothing more to answer.
        }
    }

    private static void awaitRelease(java.util.concurrent.CountDownLatch gate) throws IOException {
        try {
            if (!gate.await(60, TimeUnit.SECONDS)) {
                throw new IOException("held message never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while holding a message", e);
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        release.countDown();
        socket.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }
}
