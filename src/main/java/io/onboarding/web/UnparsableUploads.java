package io.onboarding.web;

import io.onboarding.logging.LogText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A multipart request the server cannot parse because of a file name (Tomcat refuses a NUL in one while it
 * reads the form, before any controller — and before the CSRF check) is a 400 with the reason, not a 500.
 * A browser never sends such a name; any other file name is kept by its safe characters ({@link Uploads}).
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UnparsableUploads extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnparsableUploads.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!invalidFileName(e) || response.isCommitted()) {
                throw e;
            }
            log.info("Console: refused an upload from {}: {}", request.getRemoteAddr(), LogText.escape(e.getMessage()));
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(("Nothing was started: the upload's file name holds a character no file "
                    + "name can (NUL). Rename the file and upload it again.\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Tomcat's InvalidFileNameException, however wrapped (by name: it is Tomcat's own, repackaged class). */
    private static boolean invalidFileName(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("InvalidFileNameException")) {
                return true;
            }
        }
        return false;
    }
}
