package io.onboarding.sandbox;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a {@link TestSandbox} around the application's embedded sandbox: {@code @Import} it into a test's context,
 * add it to a SpringApplicationBuilder's sources, or to a job's JVM with
 * {@code --spring.main.sources=io.onboarding.sandbox.TestSandboxConfiguration}. There,
 * {@code --test-sandbox.delay-millis=N} delays every request, and {@code --test-sandbox.refuse=CALL[:TEXT],...}
 * refuses every such call (whose path or body contains TEXT) with a 403. Deliberately not a
 * {@code @Configuration}: component scanning of a JVM started with the test classes on its class path must not
 * find it.
 */
public class TestSandboxConfiguration {

    @Bean
    TestSandbox testSandbox(ObjectProvider<SandboxServer> server, JsonMapper json, Clock clock,
            Environment environment) {
        TestSandbox sandbox = new TestSandbox(server::getObject, json, clock);
        sandbox.faults().delay(Duration.ofMillis(environment.getProperty("test-sandbox.delay-millis", Long.class, 0L)));
        for (String refusal : environment.getProperty("test-sandbox.refuse", String[].class, new String[0])) {
            String[] callAndText = refusal.split(":", 2);
            sandbox.faults().refuseAll(callAndText[0], callAndText.length > 1 ? callAndText[1] : null);
        }
        return sandbox;
    }
}
