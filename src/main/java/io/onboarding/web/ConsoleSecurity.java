package io.onboarding.web;

import io.onboarding.logging.LogText;
import io.onboarding.system.OperatorTerminal;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Who may use the console: operators from configuration, each page behind sign-in, CSRF protection on
 * every form (Spring Security's default, kept on).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConsoleSecurity {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurity.class);
    static final String FIRST_OPERATOR = "operator";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    @Bean
    SignInAttempts signInAttempts(Clock clock, UserDetailsService operators) {
        return new SignInAttempts(clock, name -> {
            try {
                return operators.loadUserByUsername(name) != null;
            } catch (UsernameNotFoundException e) {
                return false;
            }
        });
    }

    @Bean
    SecurityFilterChain console(HttpSecurity http, SignInAttempts attempts) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler toWhereTheyWere = new SavedRequestAwareAuthenticationSuccessHandler();
        toWhereTheyWere.setDefaultTargetUrl("/");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/console.css", "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness", "/error").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new SignInThrottle(attempts), UsernamePasswordAuthenticationFilter.class)
                .formLogin(login -> login.loginPage("/login").permitAll()
                        .successHandler((request, response, authentication) -> {
                            attempts.succeeded(authentication.getName(), request.getRemoteAddr());
                            toWhereTheyWere.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, exception) -> {
                            String account = request.getParameter("username");
                            attempts.failed(account, request.getRemoteAddr());
                            log.warn("Console: failed sign-in as '{}' from {}", LogText.escape(account),
                                    request.getRemoteAddr());
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }))
                .logout(Customizer.withDefaults())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService operators(WebProperties properties, PasswordEncoder encoder, OperatorTerminal terminal) {
        List<UserDetails> users = properties.operators().stream()
                .map(operator -> User.withUsername(operator.name()).password(operator.passwordHash()).roles("OPERATOR")
                        .build())
                .toList();
        if (!users.isEmpty()) {
            return new InMemoryUserDetailsManager(users);
        }
        String password = oneTimePassword();
        // Printed once, to the terminal only (not the log file): whoever started serve can sign in and set accounts.
        terminal.say("Console: no operator accounts are configured (onboarding.web.operators). One-time "
                + "password for '" + FIRST_OPERATOR + "' until the next start: " + password);
        return new InMemoryUserDetailsManager(User.withUsername(FIRST_OPERATOR).password(encoder.encode(password))
                .roles("OPERATOR").build());
    }

    private static String oneTimePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
