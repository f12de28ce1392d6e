package io.onboarding.sandbox;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a {@link TestSandbox} on its own, in a process of its own, so that a test can kill and restart the job
 * while the sandbox keeps what it was told. Prints {@code SANDBOX_URL=...} once it listens.
 * Arguments: {@code --port=N} (default 0, a free port), {@code --foreign-domains=a.com,b.com}.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        List<String> foreign = List.of("already-at-google.com");
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            } else if (arg.startsWith("--foreign-domains=")) {
                foreign = Arrays.asList(arg.substring("--foreign-domains=".length()).split(","));
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg + "; use --port=N --foreign-domains=a,b");
            }
        }
        TestSandbox server = TestSandbox.start(new SandboxProperties(port, foreign, List.of(), null, null),
                JsonMapper.builder().build(), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("SANDBOX_URL=" + server.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
