package io.onboarding.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator console ({@code onboarding.web.*}).
 *
 * @param operators who may sign in, each a {@code name} and a {@code password-hash} (Spring Security's format
 *     with its id, e.g. {@code {bcrypt}$2a$10$...}); when none are configured a one-time password for
 *     {@code operator} is printed once at start-up
 * @param pageSize rows per page of a run's results table
 */
@ConfigurationProperties("onboarding.web")
public record WebProperties(@DefaultValue List<Operator> operators, @DefaultValue("50") int pageSize) {

    /**
     * One operator account.
     *
     * @param passwordHash a Spring Security hash with its id, e.g. {@code {bcrypt}$2a$10$...}; never the password
     */
    public record Operator(String name, String passwordHash) {

        @Override
        public String toString() {
            return "Operator[name=" + name + "]";
        }
    }
}
