package io.onboarding.system;

import java.sql.Connection;
import java.sql.DriverManager;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * A process that opens the job's H2 file database the way the application configures it (its environment
 * post-processors included) and holds it open until its standard input closes.
 */
@Configuration(proxyBeanMethods = false)
public class H2AutoServerProbe {

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(H2AutoServerProbe.class)
                .web(WebApplicationType.NONE).run(args)) {
            Environment environment = context.getEnvironment();
            try (Connection ignored = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"))) {

                System.out.println("OPEN");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // held open until the test closes our input
                }
            }
        }
    }
}
